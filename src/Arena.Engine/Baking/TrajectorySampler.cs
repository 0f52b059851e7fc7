using Arena.Contracts.Bakes;
using System.Diagnostics;
using Arena.Engine.Generation;
using Arena.Engine.Modules;
using Arena.Engine.Tokenization;

namespace Arena.Engine.Baking;

/// <summary>Samples replies from the prompted model, batched on the KV-cached generator.</summary>
public sealed class TrajectorySampler(CausalLM model, TextTokenizer tokenizer)
{
    const int RowsPerBatch = 64;

    public int[] TeacherPrompt(string prompt, string query) =>
        tokenizer.EncodeChat([ChatMessage.System(prompt), ChatMessage.User(query)], addGenerationPrompt: true);

    public int[] StudentPrompt(string query) =>
        tokenizer.EncodeChat([ChatMessage.User(query)], addGenerationPrompt: true);

    /// <summary>N replies per query from the model prompted with <paramref name="prompt"/>. Reports tokens/s as it goes.</summary>
    public Task<(List<Trajectory> Trajectories, double TokensPerSecond)> Sample(string prompt, IReadOnlyList<(string Query, bool HeldOut)> queries,
        BakeRecipe r, Action<BakeProgress>? progress, CancellationToken ct) =>
        Sample(prompt, queries.SelectMany(q => Enumerable.Repeat(q, r.TrajectoriesPerQuery)).ToList(), r, fromStudent: false, r.Seed, progress, ct);

    /// <summary>
    /// One reply per query from the model as it is now, *without* the prompt (the student with its adapter on), tokenised
    /// for both sides like a teacher trajectory: the teacher's targets are then taken on the student's own replies.
    /// </summary>
    public async Task<List<Trajectory>> SampleStudent(string prompt, IReadOnlyList<string> queries, BakeRecipe r, long seed, CancellationToken ct) =>
        (await Sample(prompt, queries.Select(q => (q, false)).ToList(), r, fromStudent: true, seed, null, ct)).Trajectories;

    async Task<(List<Trajectory> Trajectories, double TokensPerSecond)> Sample(string prompt, List<(string Query, bool HeldOut)> jobs,
        BakeRecipe r, bool fromStudent, long seed, Action<BakeProgress>? progress, CancellationToken ct)
    {
        var result = new List<Trajectory>(jobs.Count);
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        var stopIds = tokenizer.StopIds.ToHashSet();
        for (int start = 0, chunk = 0; start < jobs.Count; start += RowsPerBatch, chunk++)
        {
            var part = jobs.Skip(start).Take(RowsPerBatch).ToList();
            var prompts = part.Select(j => TeacherPrompt(prompt, j.Query)).ToList();
            var generateFrom = fromStudent ? part.Select(j => StudentPrompt(j.Query)).ToList() : prompts;
            var longest = prompts.Max(p => p.Length);
            if (longest + r.MaxTokens > model.Config.MaxPositionEmbeddings)
                throw new ArgumentException($"prompt and query take {longest} tokens; with {r.MaxTokens} reply tokens that exceeds the model's context of {model.Config.MaxPositionEmbeddings}");
            var replies = part.Select(_ => new List<int>()).ToArray();
            var options = new SamplingOptions
            {
                MaxNewTokens = r.MaxTokens, Temperature = r.Temperature, TopP = r.TopP,
                Seed = seed * 1_000_003 + chunk, StopTokenIds = tokenizer.StopIds,
            };
            await foreach (var step in new TokenGenerator(model).Generate(generateFrom, options, ct))
                for (int i = 0; i < step.Rows.Count; i++)
                    replies[step.Rows[i]].Add(step.Tokens[i]);
            for (int i = 0; i < part.Count; i++)
            {
                var reply = replies[i].ToArray();
                tokens += reply.Length;
                var ended = reply.Length > 0 && stopIds.Contains(reply[^1]);
                result.Add(new Trajectory(part[i].Query, prompts[i], StudentPrompt(part[i].Query), reply, ended, part[i].HeldOut));
            }
            var rate = tokens / clock.Elapsed.TotalSeconds;
            var done = Math.Min(jobs.Count, start + RowsPerBatch);
            progress?.Invoke(new BakeProgress(BakePhase.Sampling, done, jobs.Count, null, rate, clock.Elapsed,
                TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (jobs.Count - done))));
        }
        return (result.Where(t => t.Reply.Length > 0).ToList(), tokens / Math.Max(1e-9, clock.Elapsed.TotalSeconds));
    }

    /// <summary>Asks the (unprompted) model to write user questions, for bakes given no queries.</summary>
    public async Task<List<string>> WriteQueries(int count, long seed, CancellationToken ct)
    {
        var ask = tokenizer.EncodeChat([ChatMessage.User("Write a question a user might ask.")], addGenerationPrompt: true);
        var written = new List<string>();
        var generator = new TextGenerator(model, tokenizer);
        for (int round = 0; round < 4 && written.Count < count; round++)
        {
            var rows = Math.Min(RowsPerBatch, 2 * (count - written.Count));
            var texts = new string[rows];
            var options = new SamplingOptions { MaxNewTokens = 40, Temperature = 1.0, Seed = seed + round, StopStrings = ["\n"] };
            await foreach (var d in generator.Complete(Enumerable.Repeat(ask, rows).ToList(), options, ct))
                texts[d.Row] += d.Text;
            written = QuerySet.Deduplicate(written.Concat(texts.Where(t => t is not null && t.Trim().Length > 3)));
        }
        return written.Take(count).ToList();
    }
}
