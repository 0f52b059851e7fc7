using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary><c>detectable_content:number_placeholders</c>: at least <c>num_placeholders</c> square-bracket placeholders like [address] on one line.</summary>
internal sealed partial class NumberOfPlaceholders(int placeholders) : IInstruction
{
    public const string Name = "detectable_content:number_placeholders";

    public string Id => Name;

    public bool Follows(string response) => Placeholder().Count(response) >= placeholders;

    [GeneratedRegex(@"\[.*?\]")]
    private static partial Regex Placeholder();
}
