namespace Arena.Engine.Tokenization;

/// <summary>The ids a generator needs: what starts a sequence, what ends it, what pads a batch.</summary>
/// <param name="EosIds">Every id that ends generation (Llama-3 Instruct has both &lt;|eot_id|&gt; and &lt;|end_of_text|&gt;).</param>
/// <param name="AddBos">Whether the model expects <paramref name="BosId"/> in front of every encoded prompt.</param>
public sealed record SpecialTokenIds(int? BosId, IReadOnlyList<int> EosIds, int? PadId, bool AddBos)
{
    public static SpecialTokenIds None { get; } = new(null, [], null, false);
}
