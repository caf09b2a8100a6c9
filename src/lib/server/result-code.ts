/** The download endpoints' answer to a bad result code (decoding and scoring live in `scoring/result-code`). */
import type { ResultCodeError } from '$scoring/model/result-code';

export { ResultCodeError, scoreCode } from '$scoring/model/result-code';

/** The plain-text 400 a download endpoint answers a bad code with. */
export function badCodeResponse(error: ResultCodeError): Response {
	return new Response(`${error.message}\n`, {
		status: 400,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
}
