/**
 * The shape of one vendor operation. Every fact about an operation lives in its catalog entry;
 * the clients, emulator, n8n nodes, GraphQL schema and README read it from here.
 */
import type { OperationNormalizer } from '../normalize/normalizer';

export type VendorId = 'aisolution' | 'accuauth';

/** Every call ends in exactly one of these: success, negative, rejected input or failed. */
export type Outcome = 'success' | 'negative' | 'rejectedInput' | 'failed';

export type ImageFormat = 'jpeg' | 'png' | 'bmp' | 'pdf';

export type OperationKind = 'ocr' | 'faceCompare' | 'idHolding' | 'faceAdd' | 'faceSearch' | 'faceDelete' | 'whatsapp';

export type DocumentType = 'ID_CARD' | 'DRIVING_LICENSE' | 'VOTER_CARD' | 'TAX_CARD';

/** What a status (or a verdict inside an OK answer) means for the caller. */
export interface StatusRule {
	outcome: Outcome;
	/** As the vendor's docs say: is this answer billed? */
	charged: boolean;
	/** Would the same request, sent again later, plausibly succeed? */
	retryable: boolean;
	/** The vendor's own words for this status. */
	description: string;
	/** AccuAuth puts the error class in the HTTP status as well. */
	httpStatus?: number;
	/** The vendor has not decided yet (WhatsApp "checking"): ask again later, or wait for the callback. */
	pending?: boolean;
	/**
	 * A failure the operator must fix, not the applicant: the vendor refused the credentials, the account's quota
	 * is spent, or (`credentialsOrRequest`) the vendor refused a request that passed every local check, which is
	 * how a wrong token can be answered.
	 */
	failure?: 'auth' | 'quota' | 'credentialsOrRequest';
	/**
	 * The vendor asks to slow down: the call is paced and retried for as long as the rate-limit wait allows.
	 * `ambiguous`: the same words also mean an outage, so it counts as a rate limit only while the vendor is still
	 * accepting other calls; otherwise it is a server error with bounded retries.
	 */
	rateLimit?: true | 'ambiguous';
}

/**
 * Inside a successful answer, the verdict the vendor gives (same person, registered, …).
 * `of` reads it from the answer; `values` says what each verdict means. A verdict missing from
 * `values` is a vendor answer the docs never mentioned: a failed outcome, never a silent success.
 */
export interface VerdictTable {
	of: (message: unknown) => string;
	values: Record<string, StatusRule & { label: string }>;
}

export interface InputSpec {
	name: string;
	/**
	 * `flag`: the vendor takes 0 or 1; callers may give true or false. `phone`: normalized to E.164 before sending,
	 * with the operation's `country` input as the country of a national number.
	 */
	type: 'image' | 'string' | 'integer' | 'flag' | 'phone';
	required: boolean;
	description: string;
	/** For integers and closed strings: the values the vendor accepts. */
	allowed?: readonly (string | number)[];
}

export interface ImageLimits {
	maxBytes: number;
	formats: readonly ImageFormat[];
	/** AccuAuth checks pixel dimensions; AI Solution does not. */
	minPixels?: number;
	maxPixels?: number;
	/** Below this the vendor promises a fast answer (AI Solution: 200 KB → 2 s). */
	recommendedBytes?: number;
}

export interface OutputField<K extends string = string> {
	/** The vendor's key, typos included. */
	key: K;
	label: string;
	description: string;
}

export interface DocumentInfo {
	/** ISO 3166-1 alpha-2 of the issuing country. */
	country: CountryCode;
	documentType: DocumentType;
	/** The document as a person names it in a dropdown. */
	label: string;
	/** The GraphQL type name of the canonical document. */
	typeName: string;
	side?: 'front' | 'back' | 'either';
}

export type CountryCode = 'CO' | 'DE' | 'EC' | 'ID' | 'IN' | 'MX' | 'NL' | 'NO' | 'SE' | 'TH';

/**
 * The docs' example bodies for each status: AI Solution's `message`, AccuAuth's `reason`; and for a
 * verdict of an OK answer, the example `message` the docs print for it. The emulator answers with these.
 * Where the docs print no example, there is no entry (the emulator then uses the status description).
 */
export interface DocumentedAnswers {
	statuses: Record<string, unknown>;
	verdicts: Record<string, unknown>;
}

/** `K`: the vendor's keys of a successful answer, as the entry's `fields` declare them. */
export interface Operation<K extends string = string> {
	/** Stable id used by every surface (n8n option value, GraphQL enum, emulator accounting). */
	id: string;
	vendor: VendorId;
	kind: OperationKind;
	/** Path below the vendor's base URL. */
	path: string;
	/** AccuAuth serves each country from its own host. */
	vendorCountry?: string;
	title: string;
	description: string;
	document?: DocumentInfo;
	inputs: readonly InputSpec[];
	/** Limits that apply to every image input of the operation. */
	limits?: ImageLimits;
	/** Fields of a successful answer, in the vendor's order. */
	fields: readonly OutputField<K>[];
	/** Every documented status and what it means. */
	statuses: Record<string, StatusRule>;
	/** For status OK: the verdict inside the answer (same person, registered …). */
	verdicts?: VerdictTable;
	/**
	 * Some statuses mean something else depending on the message
	 * (facecompare answers RETRY_LATER with IMAGEB_FACE_DETECT_FAILED when there is no face).
	 */
	messageOverrides?: Record<string, Record<string, StatusRule>>;
	/** The verdict's words where the answer has no verdict table (default: Success / Negative / Rejected input / Failed). */
	labels?: Partial<Record<Outcome, string>>;
	/** Identical inputs are sent once per scope (charged reads; never side effects such as add face). */
	dedupe: boolean;
	/** The documented success answer (its `message` for AI Solution, its first `results` entry for AccuAuth). */
	sample: unknown;
	/** Answer keys never handed on to a caller or an output (AI Solution's `group_id` is the account's access key). */
	withheld?: readonly string[];
	/** The docs' example bodies of the other answers. */
	documented: DocumentedAnswers;
	/** OCR operations: how a recognized answer becomes the canonical document and its checks. */
	normalizer?: OperationNormalizer;
}

/** The vendor's keys of an operation's answer: `FieldKey<typeof deIdCard>` is 'CardNumber' | 'Surname' | … */
export type FieldKey<Op> = Op extends { fields: readonly OutputField<infer K>[] } ? K : never;
