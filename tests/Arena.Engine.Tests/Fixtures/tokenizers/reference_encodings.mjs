// Writes expected-encodings.json: what Hugging Face's tokenizers.js (@huggingface/tokenizers 0.2.0,
// a port of the Rust `tokenizers` crate) makes of each fixture, as an independent reference.
// Run: npm install @huggingface/tokenizers@0.2.0 && node reference_encodings.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";

const texts = [
  "Hello world", "hello the her", "Hello  world   ", "   leading spaces", "a\n\nb\n", "tabs\tand\r\nlines",
  "你好", "你好吗", "😀😀 ok", "😀abc", "a😀", "I'm here, we'll see; THEY'RE 's 'S", "12345 6 7.5",
  "<|im_start|>user\nhi<|im_end|>\n", "x <mask> y", "a<think>b", "<|endoftext|><|endoftext|>",
  "𝒜𝒷c 𝟙𝟚", "𝒜c", "x😀abc", "e\u0301 cafe\u0301", "\u00a0nbsp\u3000wide", "ß straße", "x\u200by", "",
];
const out = {};
for (const name of ["byte-bpe-chatml", "byte-bpe-gpt2"]) {
  const json = JSON.parse(readFileSync(`${name}.tokenizer.json`, "utf8"));
  const tok = new Tokenizer(json, {});
  out[name] = texts.map((text) => {
    const ids = tok.encode(text).ids;
    return { text, ids, decoded: ids.length ? tok.decode(ids) : "" };
  });
}
writeFileSync("expected-encodings.json", JSON.stringify(out, null, 1) + "\n");
