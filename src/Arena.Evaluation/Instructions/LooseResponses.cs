namespace Arena.Evaluation.Instructions;

/// <summary>
/// IFEval's loose scoring (<c>test_instruction_following_loose</c>): the reply variants any one of which may follow
/// an instruction, so that an intro line ("Sure, here it is:"), a closing line or markdown asterisks do not fail it.
/// </summary>
public static class LooseResponses
{
    /// <summary>
    /// IFEval's eight variants in its order: the reply; the reply without asterisks; without its first line, without
    /// its last line, without both (each of these three stripped of surrounding white space); and those three
    /// without asterisks. The reply itself and its asterisk-free copy are not stripped. Lines split on "\n" only.
    /// </summary>
    public static IReadOnlyList<string> Of(string response)
    {
        var lines = response.Split('\n');
        var withoutFirst = PythonText.Strip(string.Join('\n', lines.Skip(1)));
        var withoutLast = PythonText.Strip(string.Join('\n', lines.SkipLast(1)));
        var withoutBoth = PythonText.Strip(string.Join('\n', lines.Skip(1).SkipLast(1)));
        return
        [
            response,
            response.Replace("*", ""),
            withoutFirst,
            withoutLast,
            withoutBoth,
            withoutFirst.Replace("*", ""),
            withoutLast.Replace("*", ""),
            withoutBoth.Replace("*", ""),
        ];
    }
}
