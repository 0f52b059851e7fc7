"""Writes the tiny byte-level BPE tokenizer.json fixtures used by the Tokenization tests.

Run from this folder: python3 make_fixtures.py
The merges are chosen by hand so that expected encodings can be checked by reading them.
"""
import json

LLAMA3_PATTERN = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}"
                  r"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+")


def bytes_to_unicode():
    keep = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
    table, extra = {}, 0
    for b in range(256):
        if b in keep:
            table[b] = chr(b)
        else:
            table[b] = chr(256 + extra)
            extra += 1
    return table


B2U = bytes_to_unicode()


def piece(text):
    return "".join(B2U[b] for b in text.encode("utf-8"))


# Each merge is written as the two texts it joins; order = rank.
MERGES = [
    (" ", "t"), ("h", "e"), (" t", "he"),          # " the"
    ("e", "r"),                                    # ranked after "h e": "her" is he + r
    ("l", "l"), ("he", "ll"), ("hell", "o"),       # "hello"
    ("H", "e"), ("He", "ll"), ("Hell", "o"),       # "Hello"
    (" ", "w"), ("o", "r"), (" w", "or"), ("l", "d"), (" wor", "ld"),  # " world"
    ("i", "n"), (" ", "in"),                       # " in"
    ("1", "2"), ("12", "3"),                       # "123"
    ("\n", "\n"),                                  # blank line
    (" ", " "), ("  ", "  "),                      # space runs
    ("\xe4", "\xbd"), ("\xe4\xbd", "\xa0"),        # 你 (E4 BD A0) as one token
    ("\xe5", "\xa5"),                              # 好 (E5 A5 BD) stays split: E5A5 + BD
    ("\xf0", "\x9f"),                              # emoji lead bytes F0 9F only
    ("\x9c", "c"),                                 # last byte of 𝒜 (F0 9D 92 9C) + "c": astral-letter split check
    ("\x80", "a"),                                 # last byte of 😀 (F0 9F 98 80) + "a": emoji-prefix split check
]


def merge_piece(text):
    # Merge halves are given as text; the \xNN escapes above stand for raw bytes.
    if all(ord(c) < 256 for c in text) and any(ord(c) >= 128 for c in text):
        return "".join(B2U[ord(c)] for c in text)
    return piece(text)


def build(pre_tokenizer, added, merges_as_strings, extra_vocab=()):
    vocab = {B2U[b]: b for b in range(256)}
    merges = []
    for a, b in MERGES:
        pa, pb = merge_piece(a), merge_piece(b)
        merges.append(f"{pa} {pb}" if merges_as_strings else [pa, pb])
        vocab.setdefault(pa + pb, len(vocab))
    for token in extra_vocab:
        vocab[token] = len(vocab)
    added_tokens = []
    for content, special, lstrip, rstrip in added:
        token_id = vocab.get(content, len(vocab) + len(added_tokens))
        added_tokens.append({"id": token_id, "content": content, "single_word": False, "lstrip": lstrip,
                             "rstrip": rstrip, "normalized": not special, "special": special})
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added_tokens,
        "normalizer": None, "pre_tokenizer": pre_tokenizer, "post_processor": None,
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                  "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False,
                  "ignore_merges": False, "vocab": vocab, "merges": merges},
    }


chatml = build(
    {"type": "Sequence", "pretokenizers": [
        {"type": "Split", "pattern": {"Regex": LLAMA3_PATTERN}, "behavior": "Isolated", "invert": False},
        {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": False, "use_regex": False}]},
    [("<|endoftext|>", True, False, False), ("<|im_start|>", True, False, False),
     ("<|im_end|>", True, False, False), ("<think>", False, False, False), ("<mask>", True, True, False)],
    merges_as_strings=False)

gpt2 = build(
    {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
    [("<|endoftext|>", True, False, False)],
    merges_as_strings=True, extra_vocab=["<|endoftext|>"])

for name, doc in [("byte-bpe-chatml", chatml), ("byte-bpe-gpt2", gpt2)]:
    with open(f"{name}.tokenizer.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
