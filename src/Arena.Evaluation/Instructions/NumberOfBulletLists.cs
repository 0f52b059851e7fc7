using System.Text.RegularExpressions;

namespace Arena.Evaluation.Instructions;

/// <summary>
/// <c>detectable_format:number_bullet_lists</c>: exactly <c>num_bullets</c> markdown bullets, lines starting (after
/// spaces) with "*" not followed by another "*", or with "-". As in IFEval a "---" rule counts as a bullet and a
/// "**bold**" line does not.
/// </summary>
internal sealed partial class NumberOfBulletLists(int bullets) : IInstruction
{
    public const string Name = "detectable_format:number_bullet_lists";

    public string Id => Name;

    public bool Follows(string response) => StarBullet().Count(response) + DashBullet().Count(response) == bullets;

    [GeneratedRegex(@"^\s*\*[^\*].*$", RegexOptions.Multiline)]
    private static partial Regex StarBullet();

    [GeneratedRegex(@"^\s*-.*$", RegexOptions.Multiline)]
    private static partial Regex DashBullet();
}
