// Validates Office Open XML files with Microsoft's Open XML SDK (compiled to WebAssembly).
// Loading the SDK takes seconds, so this stays running: it reads one file path per line on
// stdin and answers each with one line of JSON, {"path": ..., "errors": [...]}.
import { createInterface } from "node:readline";
import { readFile } from "node:fs/promises";
import validate from "@ooxml-tools/validate";

const lines = createInterface({ input: process.stdin });
for await (const path of lines) {
  if (!path.trim()) continue;
  let answer;
  try {
    const errors = await validate(await readFile(path), "docx", "Microsoft365");
    answer = { path, errors };
  } catch (error) {
    answer = { path, failure: String(error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
