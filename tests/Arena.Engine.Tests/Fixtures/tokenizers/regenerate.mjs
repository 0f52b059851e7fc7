// Rewrites NAME/expected.json for each tokenizer folder here: what Hugging Face's tokenizers make of the texts and
// chats already listed in it, computed by transformers.js (a port of `tokenizers` and of apply_chat_template),
// offline. To add a case, add {"text": "..."} to "encodings" (or {"messages": [...], "add_generation_prompt": true}
// to "chats") and run this again. See README.md.
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { AutoTokenizer, env } from "@huggingface/transformers";

const here = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname);
env.allowRemoteModels = false;
env.localModelPath = here;

const names = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(here).filter((n) => existsSync(join(here, n, "tokenizer.json")) && existsSync(join(here, n, "expected.json")));

for (const name of names) {
  const path = join(here, name, "expected.json");
  const old = JSON.parse(readFileSync(path, "utf8"));
  const tokenizer = await AutoTokenizer.from_pretrained(name);
  const encodings = old.encodings.map(({ text }) => {
    const ids = Array.from(tokenizer.encode(text, { add_special_tokens: false }));
    return {
      text,
      ids,
      ids_bos: Array.from(tokenizer.encode(text, { add_special_tokens: true })),
      // transformers.js refuses to decode an empty list; Hugging Face's answer for it is "".
      decoded: ids.length ? tokenizer.decode(ids) : "",
      decoded_skip: ids.length ? tokenizer.decode(ids, { skip_special_tokens: true }) : "",
    };
  });
  const out = { source: old.source, encodings, chats: [] };
  if (tokenizer.chat_template && old.chats) {
    out.chats = old.chats.map(({ messages, add_generation_prompt }) => ({
      messages,
      add_generation_prompt,
      text: tokenizer.apply_chat_template(messages, { add_generation_prompt, tokenize: false }),
      ids: Array.from(tokenizer.apply_chat_template(messages, { add_generation_prompt, tokenize: true, return_tensor: false })),
    }));
  }
  writeFileSync(path, JSON.stringify(out, null, 1) + "\n");
  console.log(`${name}: ${encodings.length} encodings, ${out.chats.length} chats`);
}
