#!/usr/bin/python3
"""Writes a tiny qwen2 GGUF model with random weights, offline, for the real-server tests (#16).

Its text is gibberish, but everything around it is real: the Qwen2 vocabulary and merges (from llama.cpp's
models/ggml-vocab-qwen2.gguf) with Qwen2.5's added tokens (<|im_end|> as end of turn, <tool_call> and
</tool_call> as single tokens), and the Qwen2.5-Instruct chat template with tools (from models/templates/)
as tokenizer.chat_template, so llama-server renders prompts, counts tokens and parses tool calls exactly as
it does for the real model. The dimensions are small, so a CPU reads a 1,000-token prompt in well under a
second.

Usage: tiny-qwen2.py LLAMA_CACHE_DIR        (the folder .ci/llama-server.sh prints; writes models/tiny-qwen2.gguf)
Needs python3-numpy; uses the gguf-py copied into LLAMA_CACHE_DIR.
"""
import os
import sys

N_EMBD, N_HEAD, N_HEAD_KV, N_FF, N_LAYER, N_CTX_TRAIN = 64, 4, 2, 128, 2, 32768
SEED = 16

# Qwen2.5's added tokens (tokenizer_config.json of Qwen2.5-*-Instruct): id, text, looks special (control)
ADDED = [
    (151643, "<|endoftext|>"), (151644, "<|im_start|>"), (151645, "<|im_end|>"),
    (151646, "<|object_ref_start|>"), (151647, "<|object_ref_end|>"), (151648, "<|box_start|>"),
    (151649, "<|box_end|>"), (151650, "<|quad_start|>"), (151651, "<|quad_end|>"),
    (151652, "<|vision_start|>"), (151653, "<|vision_end|>"), (151654, "<|vision_pad|>"),
    (151655, "<|image_pad|>"), (151656, "<|video_pad|>"), (151657, "<tool_call>"), (151658, "</tool_call>"),
    (151659, "<|fim_prefix|>"), (151660, "<|fim_middle|>"), (151661, "<|fim_suffix|>"), (151662, "<|fim_pad|>"),
    (151663, "<|repo_name|>"), (151664, "<|file_sep|>"),
]
EOT_ID, BOS_ID = 151645, 151643


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: tiny-qwen2.py LLAMA_CACHE_DIR", file=sys.stderr)
        return 2
    root = sys.argv[1]
    sys.path.insert(0, os.path.join(root, "gguf-py"))
    try:
        import numpy as np
        import gguf
    except ImportError as e:
        print(f"tiny-qwen2: {e}; install Debian's python3-numpy (apt-get install python3-numpy)", file=sys.stderr)
        return 1

    vocab = gguf.GGUFReader(os.path.join(root, "models", "ggml-vocab-qwen2.gguf"))
    tokens = list(vocab.fields["tokenizer.ggml.tokens"].contents())
    types = list(vocab.fields["tokenizer.ggml.token_type"].contents())
    merges = list(vocab.fields["tokenizer.ggml.merges"].contents())
    for tid, text in ADDED:
        tokens[tid] = text
        types[tid] = gguf.TokenType.CONTROL if text.startswith("<|") else gguf.TokenType.USER_DEFINED
    with open(os.path.join(root, "models", "templates", "Qwen-Qwen2.5-7B-Instruct.jinja"), encoding="utf-8") as f:
        template = f.read()

    out = os.path.join(root, "models", "tiny-qwen2.gguf")
    tmp = out + ".tmp"
    w = gguf.GGUFWriter(tmp, "qwen2")
    w.add_name("sov tiny qwen2 (random weights, tests only)")
    w.add_context_length(N_CTX_TRAIN)
    w.add_embedding_length(N_EMBD)
    w.add_feed_forward_length(N_FF)
    w.add_block_count(N_LAYER)
    w.add_head_count(N_HEAD)
    w.add_head_count_kv(N_HEAD_KV)
    w.add_rope_freq_base(1000000.0)
    w.add_layer_norm_rms_eps(1e-6)
    w.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre("qwen2")
    w.add_token_list(tokens)
    w.add_token_types(types)
    w.add_token_merges(merges)
    w.add_bos_token_id(BOS_ID)
    w.add_eos_token_id(EOT_ID)
    w.add_eot_token_id(EOT_ID)
    w.add_pad_token_id(BOS_ID)
    w.add_add_bos_token(False)
    w.add_chat_template(template)

    rng = np.random.default_rng(SEED)
    head_dim = N_EMBD // N_HEAD
    kv = head_dim * N_HEAD_KV

    def weight(rows: int, cols: int, dtype=np.float16):
        return (rng.standard_normal((rows, cols), dtype=np.float32) * 0.02).astype(dtype)

    # numpy shapes are (out, in); gguf reverses them into llama.cpp's {in, out}
    w.add_tensor("token_embd.weight", weight(len(tokens), N_EMBD))
    w.add_tensor("output_norm.weight", np.ones(N_EMBD, dtype=np.float32))
    for i in range(N_LAYER):
        w.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_q.weight", weight(N_EMBD, N_EMBD))
        w.add_tensor(f"blk.{i}.attn_k.weight", weight(kv, N_EMBD))
        w.add_tensor(f"blk.{i}.attn_v.weight", weight(kv, N_EMBD))
        w.add_tensor(f"blk.{i}.attn_q.bias", np.zeros(N_EMBD, dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_k.bias", np.zeros(kv, dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_v.bias", np.zeros(kv, dtype=np.float32))
        w.add_tensor(f"blk.{i}.attn_output.weight", weight(N_EMBD, N_EMBD))
        w.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(N_EMBD, dtype=np.float32))
        w.add_tensor(f"blk.{i}.ffn_gate.weight", weight(N_FF, N_EMBD))
        w.add_tensor(f"blk.{i}.ffn_up.weight", weight(N_FF, N_EMBD))
        w.add_tensor(f"blk.{i}.ffn_down.weight", weight(N_EMBD, N_FF))

    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    os.replace(tmp, out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
