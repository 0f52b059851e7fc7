using Arena.Cli.Commands;
using Arena.Engine.Checkpoints;

namespace Arena.Cli;

/// <summary>Dispatches "arena COMMAND [options]"; every expected failure becomes one line on stderr and exit code 2.</summary>
public static class CliApp
{
    const string Usage = """
        usage: arena <command> [options]
          info      --model DIR
          tokenize  --model DIR --input REQ.json --output OUT.json   (ids and decodes of texts and chats, per item; see TokenizeCommand)
          logits    --model DIR [--adapter DIR[:strength]]... --input IN.safetensors --output OUT.safetensors
          generate  --model DIR [--adapter DIR[:strength]]... --prompt TEXT [--system TEXT] [--max-tokens N]
                    [--temperature T] [--top-k K] [--top-p P] [--seed S] [--stop TEXT]...
          bake      --model DIR [--adapter DIR[:strength]]... (--prompt TEXT | --prompt-file F) --out DIR
                    [--queries FILE] [--generate-queries N] [--trajectories N] [--max-tokens N] [--temperature T]
                    [--kl full|topk:K] [--rank R] [--alpha A] [--targets q,k,v,o] [--lr LR] [--epochs E] [--batch B]
                    [--seed S] [--held-out F] [--student-rollouts F] [--force] [--no-report-card]
                    (prints the bake's report card and saves it as report-card.json beside the adapter)
          merge     --model DIR --adapter DIR[:strength]... --out DIR [--force]   (a full HF checkpoint with the adapters folded in)
          export    --model DIR [--adapter DIR[:strength]]... --format gguf --out FILE [--dtype f32|f16|bf16|q8_0] [--force]
                    (the merged model with its tokenizer and chat template, for llama.cpp, Ollama, LM Studio; dtype default f16)
          starter build --out DIR [--minutes M] [--seed S] [--steps N] [--copy-steps N] [--conversations N] [--guide W] [--force]
          starter eval  --model DIR [--adapter DIR[:strength]]... [--probes N] [--split heldout|train]   (train: seen phrasings, a diagnostic)
          eval      --model DIR [--adapter DIR[:strength]]... --suite FILE|NAME [--conditions base,prompted,model,reprompted]
                    [--prompt TEXT] [--limit N] [--seed S] [--max-tokens N] [--temperature T] [--json OUT]
                    [--kl]   (with --prompt: KL(prompted ‖ model) and KL(prompted ‖ base) per token on the suite's prompts)
                    [--decay TURNS [--conversations K] [--check JSON]]   (with --prompt: adherence per turn of long conversations,
                    prompted base vs model, the suite's prompts as questions; the check is the prompt's rule unless given; max tokens 48)
          eval      --suite FILE|NAME --responses RESP.jsonl [--json OUT]   (scores replies written elsewhere: {"id", "response"} lines)
                    (built-in suites: instructions, arithmetic, starter-behaviors, starter-facts, retention; IFEval files load as they are)
          judge     --model DIR --contestant NAME=ADAPTER[:s][+ADAPTER...]|NAME=base ... --suite FILE|NAME [--judge rule|DIR[:ADAPTER]]
                    [--limit N] [--seed S] [--max-tokens N] [--json OUT]   (automatic leaderboard: pairwise, both orders, Bradley–Terry)
          suites    [--write DIR]   (lists the built-in suites; --write writes the generated ones, as shipped)
          house-cards --model DIR [--only key,key]   (each house model's report card, written into house.json)
          bake-quality --model DIR [--only key,key] [--questions N] [--no-rebake] [--out FILE]
                    (each house bake against its prompted base: baked, half-baked, re-baked, fidelity, KL ratio, retention, decay;
                     the table of docs/bake-quality.md)
          eval-bakes --model DIR [--behaviors a/b,c/d] [--sequential a/b,c/d] [--train-queries N] [--eval-queries N] [--rows-only] [--json FILE]
                     and bake's recipe options (--trajectories ... --seed), from the acceptance recipe (16 trajectories, 12 epochs)
                     (JSON rows carry the baked model's misses)
          house     --model DIR [--only key,key] [--train-queries N] [--eval-queries N] and bake's recipe options
                    (bakes the starter's style presets into DIR/house: adapters + house.json, the house models a fresh install seeds)
          ratings   --battles FILE [--bootstrap N] [--seed S] [--format table|json] [--include-named]   (or --bench-battles N [--bench-models M])
          bench     [--model DIR | --shape tiny|smollm2-135m|llama-3.2-1b] [--batch B] [--prompt-len L] [--new-tokens N]
          bench-votes --url URL --db CONNECTION [--schema S] [--rate 200] [--seconds 60] [--concurrency 256] [--salt arena]
        common: --device cpu|cuda  --dtype f32|bf16
        """;

    static readonly HashSet<string> Flags = ["force", "rows-only", "include-named", "no-rebake", "no-report-card"];

    // bake's --kl takes a value (full|topk:K); eval's is a switch.
    static IReadOnlySet<string> FlagsOf(string command) => command == "eval" ? new HashSet<string>(Flags) { "kl" } : Flags;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        try
        {
            if (args[0] == "starter") return StarterCommand.Run(args.Length > 1 ? args[1] : "", new CliArgs(args.Skip(2), Flags));
            var a = new CliArgs(args.Skip(1), FlagsOf(args[0]));
            return args[0] switch
            {
                "info" => InfoCommand.Run(a),
                "tokenize" => TokenizeCommand.Run(a),
                "logits" => LogitsCommand.Run(a),
                "generate" => GenerateCommand.Run(a),
                "bench" => BenchCommand.Run(a),
                "bake" => BakeCommand.Run(a),
                "merge" => MergeCommand.Run(a),
                "export" => ExportCommand.Run(a),
                "eval" => EvalCommand.Run(a),
                "suites" => SuitesCommand.Run(a),
                "judge" => JudgeCommand.Run(a),
                "eval-bakes" => EvalBakesCommand.Run(a),
                "bake-quality" => BakeQualityCommand.Run(a),
                "house-cards" => HouseCardsCommand.Run(a),
                "house" => HouseCommand.Run(a),
                "ratings" => RatingsCommand.Run(a),
                "bench-votes" => VoteBenchCommand.Run(a),
                _ => throw new UsageException($"unknown command '{args[0]}' (try: arena --help)"),
            };
        }
        catch (Exception e) when (e is UsageException or CheckpointException or ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException or Engine.Tokenization.TokenizerException or Engine.Baking.BakeException or Arena.Core.Battles.BattleFormatException or Arena.Evaluation.SuiteException)
        {
            Console.Error.WriteLine($"error: {OneLine(Describe(e))}");
            return 2;
        }
    }

    // The CLI runs where the files are, so a tokenizer error names the full path (its message names the file only
    // within its model folder, because workers show it to users).
    static string Describe(Exception e) =>
        e is Engine.Tokenization.TokenizerException t ? $"{t.FilePath}: {t.Problem}" : e.Message;

    static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
