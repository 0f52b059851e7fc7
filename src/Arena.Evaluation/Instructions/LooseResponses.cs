namespace Arena.Evaluation.Instructions;

/// <summary>IFEval's loose scoring: the reply variants any one of which may follow an instruction.</summary>
public static class LooseResponses
{
    /// <summary>The reply, without its first line, without its last line, without both, each also without asterisks.</summary>
    public static IReadOnlyList<string> Of(string response)
    {
        var lines = response.Split('\n');
        var withoutFirst = string.Join('\n', lines.Skip(1)).Trim();
        var withoutLast = string.Join('\n', lines.SkipLast(1)).Trim();
        var withoutBoth = string.Join('\n', lines.Skip(1).SkipLast(1)).Trim();
        string[] variants = [response, withoutFirst, withoutLast, withoutBoth];
        return variants.Concat(variants.Select(v => v.Replace("*", ""))).ToList();
    }
}
