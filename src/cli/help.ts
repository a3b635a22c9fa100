// Help texts, one per command.

export const MAIN_HELP = `ernie-eval — evaluate ERNIE 4.5 models: accuracy, throughput and MFU on the same requests

Usage: ernie-eval <command> [options]

Commands:
  run               run benchmarks against a model and write a run record
  list              list tasks and suites with their protocol and data status
  report RUN_DIR    re-render a record: results.csv, samples.csv, summary.md, junit.xml, report.html, charts
  compare BASE NEW  paired comparison of two records per task; exit 1 on a regression
  merge             combine the records of a sharded run (run --shard i/N) into one record
  serve             serve a local ONNX model through the OpenAI API (chat, completions with echo+logprobs)
  calibrate         measure this machine's achievable GEMM FLOP/s (the MFU peak) and cache it
  mfu               training MFU (PaLM appendix B) and the tokens/s an MFU implies
  make-tiny-model   build a tiny ERNIE-architecture ONNX model (test fixture, embedded default)
  help [command]    show help

Run \`ernie-eval <command> --help\` for a command's options.
Exit codes: 0 ok, 2 bad input (flags, task names, data, model), 3 run failed or aborted, 130 interrupted.`;

export const RUN_HELP = `Usage: ernie-eval run (--suite NAME | --tasks a,b) [options]

Runs each task's samples through the model, scores them, and writes a run record to
OUT/<run-id>/: manifest.json, samples.jsonl, results.json, results.csv.

Options:
  --suite NAME        a named list of tasks (see \`ernie-eval list\`), e.g. smoke
  --tasks a,b         comma-separated task ids
  --model SPEC        onnx:DIR (or just DIR): a Hugging Face style ONNX model directory;
                      openai:URL: an OpenAI-compatible server (FastDeploy, vLLM, SGLang,
                      ernie-eval serve), see docs/serving.md; replay:FILE: saved outputs (a
                      record's samples.jsonl or {task, sample_id, output} lines), no inference;
                      a record made with --repeats replays with the same --repeats and --seed.
                      Without it: the embedded default, a tiny ERNIE model built on first use
                      (the tiny ERNIE-VL model when a task takes images; random weights: checks
                      the pipeline, its scores mean nothing)
  --model-name NAME   openai: the model's name as the server's /v1/models lists it
  --concurrency N     openai: HTTP requests in flight (default 8)
  --request-rate R    openai: at most R request starts per second
  --api-key-env VAR   openai: environment variable holding the API key (default OPENAI_API_KEY)
  --serving-device ID, --serving-devices N, --serving-precision P, --serving-peak-tflops X,
  --model-config FILE what served a remote endpoint (a device with a sourced peak, see
                      docs/efficiency.md, or the per-device datasheet TFLOP/s) and the served
                      model's config.json, so its MFU can be estimated; otherwise "n/a, hardware unknown"
  --dtype D           fp32 | fp16 | q8 | q4: which onnx/ file variant to load (default fp32)
  --data-dir DIR      folder holding each benchmark's official files (DIR/mmlu, DIR/gsm8k, ...).
                      Without it: the few sample items bundled with each task
  --limit N           at most N samples per task (spread over subsets, e.g. MMLU subjects)
  --out DIR           where run records go (default: reports)
  --workers N         worker threads, each with its own ONNX session (default: CPU count, max 4)
  --batch-size N      requests per forward batch (default 8)
  --max-errors N|P%   stop once more than N samples, or more than P% of the run's samples, have
                      failed; with P%, also once 20+ samples are done and the error rate is clearly
                      above P (99% Wilson bound), so a wrong endpoint or model stops in seconds
  --resume RUN_DIR    continue a killed or interrupted run in its record folder (same command
                      otherwise): finished samples are kept, a torn last line is cut off
  --shard i/N         run only shard i (0-based) of N; env:VAR/N reads i from $VAR
                      (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID); combine with \`ernie-eval merge\`
  --cache FILE        response cache (default: <cache dir>/responses.sqlite): answers already
                      given by the same model are reused, so re-runs and resumes recompute nothing
  --no-cache          neither read nor write the response cache
  --seed S            seed for sampling (default 1234)
  --repeats N         ask every generate request N times, seeds S..S+N-1 (log-likelihood
                      requests once): avg@n and unbiased pass@k (k ≤ N) per problem, n = problems.
                      Needs a sampling temperature (tasks with greedy decoding give N equal answers)
  --temperature T     sampling temperature of every generated answer instead of each task's
                      (pass@k with --repeats needs T > 0; recorded and shown)
  --max-tokens N      cap every generation budget at N tokens (quick checks; scores then differ
                      from the benchmark's protocol, and the record says so). Without --model: 256
  --thinking on|off   thinking mode of every generated answer (chat template enable_thinking,
                      chat_template_kwargs over HTTP); default: the suite's mode, else the model's.
                      Thinking text is kept in the record and removed before answer extraction
  -h, --help          this help`;

export const LIST_HELP = `Usage: ernie-eval list [--data-dir DIR]

Lists every task (protocol, metrics, data status) and every suite. With --data-dir, says for
each task whether its official files are there and where to get them if not.`;

export const MAKE_TINY_HELP = `Usage: ernie-eval make-tiny-model --arch ernie4_5|ernie4_5_moe|ernie4_5_vl --out DIR [--seed S] [--external-data]

Builds a tiny model with ERNIE 4.5's architecture (RMSNorm, interleaved RoPE θ=500000, GQA,
SwiGLU, tied embeddings; the MoE variant with a dense first layer, top-k routed experts and
shared experts) in the Optimum / Transformers.js directory layout: config.json,
generation_config.json, tokenizer.json (byte-level BPE), tokenizer_config.json (ERNIE chat
template), onnx/model.onnx. Weights are seeded and deterministic.

ernie4_5_vl: the ERNIE-4.5-VL structure in the Transformers.js multimodal layout:
preprocessor_config.json, onnx/vision_encoder.onnx (ViT with 2-D RoPE, 2×2 patch merge and
adapter), onnx/embed_tokens.onnx, onnx/decoder_model_merged.onnx (text tokens routed to text
experts, image tokens to narrower vision experts by token_type_ids, shared experts for all),
ERNIE-VL image tokens and a chat template with enable_thinking. 1-D positions (the real model
uses 3-D RoPE). --external-data applies to the text models only.`;
