/**
 * The editor's first user. n8n 2.x always has user management: a fresh instance asks for an owner account
 * before anything else, so local runs create one with known sandbox values and log in with it.
 */

export const DEMO_OWNER = {
	email: 'demo@idverify.local',
	firstName: 'Demo',
	lastName: 'User',
	// A local sandbox account on 127.0.0.1, printed for the person at the keyboard: not a secret.
	password: 'IdVerify-sandbox-1',
};

/** Creates the owner (or logs in when it exists) and returns the session cookie, `name=value`. */
export async function ownerSession(url: string, owner = DEMO_OWNER): Promise<string> {
	const setup = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (setup.ok) return sessionCookie(setup, 'owner setup');
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!login.ok) {
		throw new Error(`n8n refused both the owner setup (HTTP ${setup.status}) and the login as ${owner.email} (HTTP ${login.status})`);
	}
	return sessionCookie(login, 'login');
}

function sessionCookie(response: Response, what: string): string {
	const cookie = response.headers.getSetCookie().find((value) => value.startsWith('n8n-auth='));
	if (!cookie) throw new Error(`n8n's ${what} answer set no n8n-auth cookie`);
	return cookie.split(';')[0];
}
