using Arena.Core.Models;
using Arena.Engine;
using Arena.Engine.Lora;
using Arena.Evaluation.ReportCards;
using Arena.Starter.Baking;

namespace Arena.Cli.Commands;

/// <summary>
/// arena house-cards --model DIR [--only key,key]: the report card of each house model (the one a platform bake gets,
/// <see cref="ReportCardRunner"/>), written into house.json, so the seeded house models show theirs like any bake.
/// </summary>
public static class HouseCardsCommand
{
    public static int Run(CliArgs a)
    {
        var modelDir = a.Required("model");
        var only = a.Get("only")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var dev = DeviceOptions.From(a);
        a.RejectUnknown();
        var house = HouseManifest.Read(modelDir) ?? throw new UsageException($"{modelDir}: no house models (run arena house first)");
        var models = new List<HouseModel>();
        foreach (var m in house.Models)
        {
            if (only is not null && !only.Contains(m.Key)) { models.Add(m); continue; }
            var adapterDir = Path.Combine(HouseManifest.FolderOf(modelDir), m.Key);
            using var stack = ModelStack.Load(modelDir, modelDir, [new StackLayer(adapterDir, 1.0, m.Key)], dev.DType, dev.Device);
            // The runner attaches the adapter itself, to switch it on and off against its parent.
            var adapter = stack.Adapters[0];
            stack.Language.Model.Detach(adapter.Name);
            var card = ReportCardRunner.Run(stack, adapter, m.Recipe with { Prompt = m.Prompt }, new ReportCardBudget(), _ => { }, CancellationToken.None)
                .GetAwaiter().GetResult();
            Console.WriteLine($"{m.Key} ({m.Name}): {card.Summary}");
            models.Add(m with { ReportCard = card });
        }
        (house with { Models = models }).Write(modelDir);
        Console.WriteLine($"report cards written into {Path.Combine(HouseManifest.FolderOf(modelDir), HouseManifest.FileName)}");
        return 0;
    }
}
