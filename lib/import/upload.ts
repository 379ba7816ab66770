import "server-only";
import { decodeFitInWorker } from "./fit-worker";
import { readActivityFile, readStravaArchive, formatOf, ACCEPTED_EXTENSIONS } from "./read";
import { IMPORT_LIMITS, ImportFileError, megabytes, type FileReading } from "./types";

/** Yields a request body's chunks, refusing it once it passes `limit` bytes (the upload is not read further). */
async function* limited(body: ReadableStream<Uint8Array> | null, limit: number): AsyncGenerator<Uint8Array> {
  if (!body) return;
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > limit) throw new ImportFileError(`This file is larger than ${megabytes(limit)}, the upload limit.`);
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * Reads one uploaded watch file from a request body (the raw bytes of the file, named by
 * `fileName`): a Strava `.zip` is streamed entry by entry; a FIT/TCX/GPX file (gzipped or
 * not) is read whole, up to its limit. FIT files are decoded in a worker thread. A file that cannot be read becomes a reading with
 * the message the user sees and no activities; anything unexpected is thrown.
 */
export async function readUpload(fileName: string, request: Request): Promise<FileReading> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const kind = formatOf(fileName);
  try {
    if (!kind) throw new ImportFileError(`"${fileName}" is not a watch file this importer reads: use ${ACCEPTED_EXTENSIONS.join(", ")}.`);
    if (kind.format === "zip") {
      if (declared > IMPORT_LIMITS.uploadBytes) throw new ImportFileError(`This file is larger than ${megabytes(IMPORT_LIMITS.uploadBytes)}, the upload limit.`);
      return await readStravaArchive(limited(request.body, IMPORT_LIMITS.uploadBytes), fileName, decodeFitInWorker);
    }
    if (declared > IMPORT_LIMITS.activityFileBytes) throw new ImportFileError(`This file is larger than ${megabytes(IMPORT_LIMITS.activityFileBytes)}, the limit for one activity file.`);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of limited(request.body, IMPORT_LIMITS.activityFileBytes)) {
      chunks.push(chunk);
      size += chunk.byteLength;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { fileName, activities: await readActivityFile(fileName, bytes, decodeFitInWorker), error: null };
  } catch (err) {
    if (err instanceof ImportFileError) return { fileName, activities: [], error: err.message };
    throw err;
  }
}
