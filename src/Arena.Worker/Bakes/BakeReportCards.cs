using Arena.Contracts.Bakes;
using Arena.Engine;
using Arena.Engine.Baking;
using Arena.Engine.Lora;
using Arena.Starter.Baking;
using Arena.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arena.Worker.Bakes;

/// <summary>
/// The worker's side of a bake's report card (<see cref="ReportCardRunner"/>, which <c>arena bake</c> calls too): on
/// or off by <c>Arena:Worker:ReportCard</c>, and a card that cannot be made is logged and left out, since the bake
/// itself succeeded.
/// </summary>
public sealed class BakeReportCards(IOptions<WorkerOptions> options, ILogger<BakeReportCards> log)
{
    public async Task<BakeReportCard?> Run(ModelStack parent, LoraAdapter adapter, BakeRecipe recipe, Action<BakeProgress> progress, CancellationToken ct)
    {
        var o = options.Value.ReportCard;
        if (!o.Enabled) return null;
        try
        {
            return await ReportCardRunner.Run(parent, adapter, recipe, o, progress, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The report card of a bake could not be made; the bake is reported without it");
            return null;
        }
    }
}
