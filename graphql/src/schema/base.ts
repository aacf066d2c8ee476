/**
 * The hand-written part of the schema: the shapes that are ours (operations, problems, the canonical
 * document). Everything that names a vendor fact (countries, documents, verdicts, checks, extras) is
 * generated from the catalog by `sdl.ts` and appended.
 */
/** verification's policy when the client gives none (also the SDL's defaults). */
export const DEFAULT_POLICY = { minimumSimilarity: 80, requiredChecks: [] as string[], requireWhatsapp: false };

export const BASE_SDL = /* GraphQL */ `
"""
The idverify API: identity documents, faces and WhatsApp numbers, checked through the vendors behind this server.
Expected failures are data: every operation returns a union of its result and the Problem types.
"""
schema {
	query: Query
	mutation: Mutation
	subscription: Subscription
}

"""A file part of a GraphQL multipart request (graphql-multipart-request-spec)."""
scalar File

"""Any JSON value: the vendor's answer as it came."""
scalar JSON

"""
An image: a multipart upload or its bytes base64-encoded. Give exactly one of the two.
Several fields of one request may mix both; identical images are sent to the vendor once.
"""
input ImageInput {
	"""The image as a file part of a multipart request (send the header x-graphql-yoga-csrf with it)."""
	upload: File
	"""The image's bytes, base64-encoded; a data: URL prefix is accepted."""
	base64: String
}

type Query {
	"""The documents this server reads, for a country → document picker. Free: no vendor call."""
	documents(country: Country): [DocumentInfo!]!

	"""Reads an identity document: the canonical fields, the document's own fields, checks and the vendor's raw answer. One vendor call, charged when the document is read."""
	readDocument(
		"""Which document the image shows (see documents)."""
		document: DocumentId!
		image: ImageInput!
		{{documentOptions}}
	): ReadDocumentResult!

	"""Compares the faces on two images. One vendor call, charged."""
	faceCompare(image1: ImageInput!, image2: ImageInput!): FaceCompareResult!

	"""Compares the face of a person holding their ID card with the photo on that card. One vendor call, charged."""
	idHolding(image: ImageInput!): IdHoldingResult!

	"""Searches the account's face store for the same face. One vendor call, charged."""
	faceSearch(image: ImageInput!): FaceSearchResult!

	"""
	Whether a phone number has WhatsApp. When the vendor is still checking, the final result arrives on the
	subscription whatsappResults(number) as soon as the vendor calls this server back.
	"""
	whatsappCheck(
		"""The phone number, in international form (+62…)."""
		number: String!
		"""Country abbreviation, e.g. PH, VN, IN."""
		country: String
	): WhatsappCheckResult!

	"""Document + selfie + phone in one request: every sub-result, and a decision from the policy you pass. The sub-calls run concurrently."""
	verification(input: VerificationInput!): Verification!
}

type Mutation {
	"""Adds a face to the account's face store. Free at the vendor."""
	addFace(image: ImageInput!): AddFaceResult!
	"""Deletes a person from the account's face store. Free at the vendor."""
	deleteFace(personId: String!): DeleteFaceResult!
}

type Subscription {
	"""WhatsApp results for a number as the vendor's callbacks reach this server (server-sent events)."""
	whatsappResults(number: String!): WhatsappCheck!
}

"""What a person needs to act on a call that gave no usable answer."""
interface Problem {
	"""Machine-readable: the vendor status (INVALID_REQUEST …) or ours (IMAGE_TOO_LARGE, NETWORK_ERROR, BUDGET_EXCEEDED …)."""
	code: String!
	"""A sentence a person can act on."""
	message: String!
	"""Whether the same request, sent again later, may succeed."""
	retryable: Boolean!
	"""The vendor's status, when the vendor answered."""
	vendorStatus: String
	"""The vendor call, when one was made or checked locally."""
	call: CallInfo
}

"""The vendor found no readable document in the image (call.charged says whether it was billed)."""
type NotRecognized implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
}

"""The input must be fixed: wrong format, too large, invalid. Never charged, never worth retrying as it is."""
type RejectedInput implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
	"""Which input: img, img1, number …"""
	input: String
	"""The limit that was broken."""
	limit: String
	"""The value that broke it."""
	value: String
}

"""The vendor could not answer now (server error, timeout, rate limit). Retry later."""
type VendorUnavailable implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
}

"""The vendor refused this server's credentials: the operator must fix the configuration."""
type AuthFailed implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
}

"""The vendor account's quota is used up: the operator must top it up."""
type QuotaExceeded implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
}

"""Any other failure of the vendor call; the message says what happened."""
type Failed implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
}

"""Your API key's daily budget of charged calls is spent. No vendor call was made."""
type BudgetExceeded implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
	"""Charged calls per day for this key."""
	budgetPerDay: Int!
	"""When the budget starts again (ISO 8601, UTC midnight)."""
	resetsAt: String!
}

"""deleteFace: the face store has no such person. Free."""
type PersonNotFound implements Problem {
	code: String!
	message: String!
	retryable: Boolean!
	vendorStatus: String
	call: CallInfo
	personId: String!
}

"""Whether a vendor call is billed."""
enum Charge {
	"""The vendor bills this answer, as its docs say."""
	CHARGED
	"""The vendor does not bill it: a free answer, a local check, or reused from the same request."""
	NOT_CHARGED
	"""
	The request was sent but its answer was lost (a reset, a timeout, a cut body): the vendor may have processed
	and billed it. Budgets and metrics count it as charged. Do not resend it blindly: it may be paid twice.
	"""
	UNKNOWN
}

"""One vendor call as it happened: what it cost and how it was answered."""
type CallInfo {
	"""The catalog's operation id (deIdCard, faceCompare …)."""
	operation: String!
	vendor: Vendor!
	"""The answer in the user's words: Recognized, Same person, Checking, Rejected input …"""
	verdict: String!
	"""The vendor's status; null when no vendor answer was read (local check, network error)."""
	vendorStatus: String
	httpStatus: Int
	"""Whether the vendor bills this call: as its docs say for the answer, or UNKNOWN when the answer was lost."""
	charged: Charge!
	"""Served from an identical earlier call in the same request: nothing was sent or paid."""
	reused: Boolean!
	"""Requests sent for this call (0 when checked locally or reused)."""
	attempts: Int!
	"""AccuAuth's request id."""
	requestId: String
}

"""A document this server reads."""
type DocumentInfo {
	id: DocumentId!
	country: Country!
	kind: DocumentKind!
	"""The document as a person names it."""
	label: String!
	"""The GraphQL type readDocument returns for it."""
	typeName: String!
	vendor: Vendor!
	side: DocumentSide
	title: String!
	description: String!
	"""Largest image the vendor accepts, in bytes."""
	maxBytes: Int!
	"""Image formats the vendor accepts."""
	formats: [String!]!
}

"""Which side of the card the document type covers."""
enum DocumentSide {
	FRONT
	BACK
	EITHER
}

"""The canonical identity document: one shape for every vendor and country."""
interface IdDocument {
	documentType: DocumentKind!
	"""ISO 3166-1 alpha-3."""
	issuingCountry: String!
	documentNumber: String
	"""The national identity number printed on the document (NIK, fødselsnummer, personnummer, CURP, Thai PIN …)."""
	personalNumber: String
	firstName: String
	lastName: String
	fullName: String
	"""Names in the local script where the card prints them (Thai)."""
	firstNameLocal: String
	lastNameLocal: String
	fullNameLocal: String
	"""ISO YYYY-MM-DD, or null when absent or unreadable (raw keeps the vendor's value, and a check says so)."""
	dateOfBirth: String
	yearOfBirth: Int
	dateOfIssue: String
	dateOfExpiry: String
	"""DATE: expires on dateOfExpiry; LIFETIME: valid for life; NONE: this document has no expiry."""
	expiryType: ExpiryType
	"""How precise each date is, where it is less than a day."""
	datePrecision: DatePrecisions!
	sex: Sex
	"""ISO 3166-1 alpha-3."""
	nationality: String
	placeOfBirth: String
	address: Address
	"""Format, checksum, consistency, expiry and age checks. A check that could not run is null, never a silent pass."""
	checks: Checks!
	"""true when a check failed: a person should look at this document."""
	needsReview: Boolean!
	"""The vendor's answer as it came; null when the server leaves raw answers out (INCLUDE_RAW=false)."""
	raw: JSON
	"""The vendor call behind this answer."""
	call: CallInfo
}

enum ExpiryType {
	DATE
	LIFETIME
	NONE
}

enum Sex {
	M
	F
	X
}

enum DatePrecision {
	DAY
	MONTH
	YEAR
}

type DatePrecisions {
	dateOfBirth: DatePrecision
	dateOfIssue: DatePrecision
	dateOfExpiry: DatePrecision
}

type Address {
	"""The address as printed."""
	raw: String
	street: String
	village: String
	district: String
	city: String
	region: String
	postcode: String
	"""ISO 3166-1 alpha-3."""
	country: String
}

"""One check of a document."""
type Check {
	"""true: passed; false: failed; null: could not run."""
	result: Boolean
	reason: String!
}

"""faceCompare and idHolding: the vendor's judgment."""
type FaceComparison {
	"""Similarity score, 0–100."""
	similarity: Float
	verdict: FaceVerdict!
	"""true only for SAME_PERSON."""
	samePerson: Boolean!
	"""The vendor's answer as it came; null when the server leaves raw answers out (INCLUDE_RAW=false)."""
	raw: JSON
	"""The vendor call behind this answer."""
	call: CallInfo
}

type FaceMatch {
	"""The person id addFace returned."""
	personId: String!
	"""Confidence of the match, 0–100."""
	confidence: Float
}

type FaceSearchMatches {
	"""true when at least one stored face matches."""
	found: Boolean!
	matches: [FaceMatch!]!
	"""The vendor's answer as it came; null when the server leaves raw answers out (INCLUDE_RAW=false)."""
	raw: JSON
	"""The vendor call behind this answer."""
	call: CallInfo
}

type FaceAdded {
	"""Keep it: deleteFace and faceSearch name the person by it."""
	personId: String!
	"""How many times this face has been added."""
	personCount: Int
	"""The vendor call behind this answer."""
	call: CallInfo
}

type FaceDeleted {
	personId: String!
	"""The vendor call behind this answer."""
	call: CallInfo
}

"""A phone number's WhatsApp details."""
type WhatsappCheck {
	number: String!
	status: WhatsappStatus!
	"""true: has WhatsApp; false: has none; null: not known yet (checking) or unavailable."""
	registered: Boolean
	"""When the status was last updated (YYYYMMDD)."""
	statusUpdate: String
	signature: String
	businessUser: Boolean
	avatar: Boolean
	"""The vendor's fields as they came; null when the server leaves raw answers out (INCLUDE_RAW=false)."""
	raw: JSON
	"""The vendor call; null for results that arrived by callback."""
	call: CallInfo
}

"""What verification needs; document and image are required, the rest adds checks."""
input VerificationInput {
	document: DocumentId!
	documentImage: ImageInput!
	"""A selfie, compared with the document's photo."""
	selfie: ImageInput
	"""A selfie of the person holding the document (hand-held ID check)."""
	holdingSelfie: ImageInput
	"""A phone number to check for WhatsApp."""
	phone: String
	phoneCountry: String
	policy: VerificationPolicy
}

"""How verification decides."""
input VerificationPolicy {
	"""Face similarity (0–100) below which the faces do not match."""
	minimumSimilarity: Float = ${DEFAULT_POLICY.minimumSimilarity}
	"""Checks that must pass; a failed one rejects, one that could not run sends to review. Other failed checks send to review."""
	requiredChecks: [CheckName!] = []
	"""Reject a number without WhatsApp (and review one still being checked)."""
	requireWhatsapp: Boolean = ${DEFAULT_POLICY.requireWhatsapp}
}

enum Decision {
	APPROVED
	REVIEW
	REJECTED
}

"""Why the decision is not APPROVED."""
type DecisionReason {
	"""DOCUMENT_NOT_RECOGNIZED, CHECK_FAILED, FACE_MISMATCH, WHATSAPP_NOT_REGISTERED …"""
	code: String!
	message: String!
	"""What this reason alone leads to: REVIEW or REJECTED."""
	decision: Decision!
	check: CheckName
}

type Verification {
	decision: Decision!
	reasons: [DecisionReason!]!
	document: ReadDocumentResult!
	"""Document photo against the selfie; null without a selfie."""
	faceMatch: FaceCompareResult
	"""Null without a holding selfie."""
	idHolding: IdHoldingResult
	"""Null without a phone number."""
	whatsapp: WhatsappCheckResult
}
`;
