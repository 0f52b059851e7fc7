using Arena.Contracts.Bakes;
using Arena.Engine.Baking;
using Arena.Worker.Models;

namespace Arena.Worker.Bakes;

/// <summary>One bake, engine side: a fresh model for the parent spec, the Baker, the report card, and the adapter folder written atomically.</summary>
public sealed class BakeRunner(ModelSpecLoader loader, BakeReportCards reportCards)
{
    public async Task<BakeSummary> Run(RunBake bake, string outputDir, Action<BakeProgress> progress, CancellationToken ct)
    {
        var recipe = bake.Recipe;
        // Refused before the model loads; the engine checks the rank against the model's size once it has one.
        if (recipe.Problems() is [var problem, ..]) throw new ArgumentException(problem.Message);
        // Never from the chat cache: the bake attaches its training adapter to the model it is given.
        using var model = loader.Load(bake.Parent);
        double? firstTrainingKl = null;
        var baker = new Baker(model.Language.Model, model.Language.Tokenizer)
        {
            Progress = p =>
            {
                if (p.Phase == BakePhase.Training && p.Step == 1) firstTrainingKl ??= p.Kl;
                progress(p);
            },
        };
        BakeResult result;
        try
        {
            result = await baker.Bake(recipe, model.Chain, ct);
        }
        catch (BakeException e)
        {
            // The CLI saves the last good adapter for inspection; here the job simply fails, so free it.
            e.LastGood?.Dispose();
            throw;
        }
        using (result)
        {
            ct.ThrowIfCancellationRequested();   // a cancel that came in the last moments still wins
            var card = await reportCards.Run(model, result.Adapter, recipe, progress, ct);
            ct.ThrowIfCancellationRequested();
            var summary = BakeSummary.From(result.Report, firstTrainingKl) with { ReportCard = card };
            AdapterFolder.Write(outputDir, result, summary, bake.JobId);
            return summary;
        }
    }
}
