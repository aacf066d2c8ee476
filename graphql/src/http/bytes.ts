const KB = 1024;
const MB = 1024 * KB;

/** An exact size for messages: "2,097,152 bytes (2 MB)", the unit only when it is exact. */
export function exactBytes(bytes: number): string {
	const exact = `${bytes.toLocaleString('en-US')} bytes`;
	if (bytes >= MB && bytes % MB === 0) return `${exact} (${bytes / MB} MB)`;
	if (bytes >= KB && bytes % KB === 0) return `${exact} (${bytes / KB} KB)`;
	return exact;
}
