/**
 * The pure half of the GraphQL multipart request spec
 * (https://github.com/jaydenseric/graphql-multipart-request-spec): the `operations`
 * field is the request's JSON with `null` where files go, `map` says which file part
 * goes where (`{ "0": ["variables.input.file"] }`). Here each file becomes the id the
 * upload returned.
 */

/** A multipart request the gateway refuses: the HTTP status and, when a service chose it, the error code. */
export class MultipartRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code?: string,
  ) {
    super(message);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses `operations`: one operation object (batched requests are off at this gateway). */
export function parseOperations(text: string): Record<string, Json> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MultipartRequestError('the "operations" field is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MultipartRequestError('"operations" must be one operation object (batching is off)');
  return value as Record<string, Json>;
}

/** Parses `map`: file part name → object paths inside `operations` (each under `variables.`). */
export function parseFileMap(text: string): Map<string, string[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new MultipartRequestError('the "map" field is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new MultipartRequestError('"map" must be an object of file part name → paths');
  const map = new Map<string, string[]>();
  for (const [name, paths] of Object.entries(value)) {
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string'))
      throw new MultipartRequestError(`"map" entry "${name}" must be a non-empty array of paths`);
    for (const path of paths as string[]) {
      if (!path.startsWith('variables.'))
        throw new MultipartRequestError(`"map" path "${path}" must point into the variables`);
    }
    map.set(name, paths as string[]);
  }
  return map;
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Puts `value` at a dotted path (`variables.input.files.0`) of `operations`, where the client left a null. */
export function setAtPath(operations: Record<string, Json>, path: string, value: string): void {
  const segments = path.split('.');
  let node: Json = operations;
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i] as string;
    if (FORBIDDEN_SEGMENTS.has(segment))
      throw new MultipartRequestError(`"map" path "${path}" is not allowed`);
    const last = i === segments.length - 1;
    if (Array.isArray(node)) {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.length)
        throw new MultipartRequestError(`"map" path "${path}" does not exist in "operations"`);
      if (last) node[index] = value;
      else node = node[index] as Json;
    } else if (
      typeof node === 'object' &&
      node !== null &&
      Object.prototype.hasOwnProperty.call(node, segment)
    ) {
      if (last) node[segment] = value;
      else node = node[segment] as Json;
    } else {
      throw new MultipartRequestError(`"map" path "${path}" does not exist in "operations"`);
    }
  }
}
