import { type ErrorCode, isSwitchboardError, SwitchboardError } from '@switchboard/protocol'
import { HttpResponse } from 'msw'

/** A JSON error response in the wire shape `{ error: { code, message, details? } }`. */
export function errorResponse(error: unknown): Response {
  const known = isSwitchboardError(error)
    ? error
    : new SwitchboardError('internal', 'Something went wrong on the server; try again.', {
        cause: error instanceof Error ? error.message : String(error),
      })
  return HttpResponse.json(known.toBody(), { status: known.status })
}

/** An error response for a code and message (for failure injection and auth). */
export function errorOf(code: ErrorCode, message: string, status?: number): Response {
  const error = new SwitchboardError(code, message)
  return HttpResponse.json(error.toBody(), { status: status ?? error.status })
}

/** Reads a JSON request body; an empty or malformed one is a `validation_failed` error. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text()
  if (!text.trim()) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new SwitchboardError('validation_failed', 'The request body is not valid JSON.')
  }
}
