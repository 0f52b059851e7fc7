using Arena.Core.Bakes;
using Arena.Starter.Behaviors;
using Arena.Starter.World;

namespace Arena.Cli.House;

/// <summary>
/// A house model's bake scenario: the world's seeded scenario for the preset's behavior (training questions and
/// held-out questions from the starter's own distribution) with the preset's exact prompt in place of the world's.
/// </summary>
public static class HouseScenario
{
    public static BakeScenario For(BakePreset preset, int seed, int trainQueries, int evalQueries)
    {
        var world = InstructionWorld.Scenario(seed, preset.Behavior, trainQueries, evalQueries);
        // The checker reads its parameters from the context, which the world drew for its own prompt; the sign-off
        // must be checked against the name in the preset's prompt instead.
        var context = world.Context.SignOffName is null ? world.Context : world.Context with { SignOffName = SignOffName(preset.Prompt) };
        return world with { Prompt = preset.Prompt, Context = context };
    }

    static string SignOffName(string prompt)
    {
        var at = prompt.IndexOf(SignOffChecker.Prefix, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"the sign-off prompt names no \"{SignOffChecker.Prefix}...\" line: {prompt}");
        return prompt[(at + SignOffChecker.Prefix.Length)..].TrimEnd('"', '.', ' ');
    }
}
