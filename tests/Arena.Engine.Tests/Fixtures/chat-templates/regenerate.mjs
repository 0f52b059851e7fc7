// Writes expected.json: each template of templates.json rendered on each conversation of conversations.json, with
// and without add_generation_prompt, by @huggingface/jinja (the Jinja port transformers.js renders chat templates
// with), as an independent reference for Arena's interpreter. Variables are those apply_chat_template passes:
// messages, add_generation_prompt, tools and documents (none), bos_token/eos_token.
// Run here: npm install @huggingface/jinja && node regenerate.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { Template } from "@huggingface/jinja";

const templates = JSON.parse(readFileSync("templates.json", "utf8"));
const conversations = JSON.parse(readFileSync("conversations.json", "utf8"));
const out = [];
for (const t of templates) {
  const template = new Template(readFileSync(t.file, "utf8"));
  conversations.forEach((messages, conversation) => {
    for (const add_generation_prompt of [true, false]) {
      const data = { messages, add_generation_prompt, tools: null, documents: null };
      if (t.bos_token !== undefined) data.bos_token = t.bos_token;
      if (t.eos_token !== undefined) data.eos_token = t.eos_token;
      const row = { template: t.file, conversation, add_generation_prompt };
      try {
        row.text = template.render(data);
      } catch (e) {
        row.error = String(e.message ?? e);
      }
      out.push(row);
    }
  });
}
writeFileSync("expected.json", JSON.stringify(out, null, 1) + "\n");
console.log(`${out.length} renderings`);
