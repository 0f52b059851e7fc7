using Arena.Contracts.Bakes;
using Arena.Core.Bakes;

namespace Arena.Core.Tests.Bakes;

/// <summary>The platform's per-user limits on top of the recipe's own bounds: one problem per field, the user's range
/// where the platform narrows it, the recipe's message everywhere else.</summary>
public sealed class BakeLimitsTests
{
    static readonly BakeLimits Limits = new();
    static readonly BakeRecipe Valid = new() { Prompt = "You are a pirate." };

    static string? ProblemWith(BakeRecipe r, string field) => Limits.Problems(r).SingleOrDefault(p => p.Field == field)?.Message;

    [Fact]
    public void TheRecipesDefaultsAreWithinEveryUsersLimits() => Assert.Empty(Limits.Problems(Valid));

    [Fact]
    public void AValueBeyondTheUsersLimitButWithinTheRecipesNamesTheUsersRange()
    {
        Assert.Equal("epochs must be in 1..50, got 60", ProblemWith(Valid with { Epochs = 60 }, nameof(BakeRecipe.Epochs)));
        Assert.Null(Valid.Problems().SingleOrDefault(p => p.Field == nameof(BakeRecipe.Epochs)));
    }

    [Fact]
    public void AValueBelowBothRangesNamesTheUsersRangeOnce()
    {
        var problems = Limits.Problems(Valid with { Rank = 0 });
        Assert.Equal("rank must be in 1..128, got 0", Assert.Single(problems).Message);
    }

    [Fact]
    public void SettingsThePlatformDoesNotNarrowKeepTheRecipesBounds()
    {
        Assert.Equal("temperature must be in (0, 10], got 11", ProblemWith(Valid with { Temperature = 11 }, nameof(BakeRecipe.Temperature)));
        Assert.Null(ProblemWith(Valid with { Temperature = 6 }, nameof(BakeRecipe.Temperature)));
        Assert.NotNull(ProblemWith(Valid with { Kl = new KlMode(0) }, nameof(BakeRecipe.Kl)));
        Assert.NotNull(ProblemWith(Valid with { CheckpointFractions = [1.5] }, nameof(BakeRecipe.CheckpointFractions)));
    }

    [Fact]
    public void TheTotalCountsTheBuiltInQueriesWhenTheUserGivesNone()
    {
        // 60 built-in queries × 32 trajectories = 1,920 (within 4,096); with 200 queries of one's own, 6,400 is not.
        Assert.Null(ProblemWith(Valid with { TrajectoriesPerQuery = 32 }, nameof(BakeRecipe.TrajectoriesPerQuery)));
        var many = Valid with { TrajectoriesPerQuery = 32, Queries = [.. Enumerable.Range(0, 200).Select(i => $"Question {i}?")] };
        Assert.Equal("200 queries × 32 trajectories exceeds the limit of 4096", ProblemWith(many, nameof(BakeRecipe.TrajectoriesPerQuery)));
        Assert.Equal(QuerySet.BuiltIn.Count, Valid.KnownQueryCount);
    }

    [Fact]
    public void GeneratedQueriesAreBoundedLikeGivenOnes()
    {
        Assert.Equal("generated queries must be in 0..512", ProblemWith(Valid with { GenerateQueries = 1000 }, nameof(BakeRecipe.GenerateQueries)));
        Assert.Null((Valid with { GenerateQueries = 10 }).KnownQueryCount);
    }

    [Fact]
    public void EmptyPromptsAndQueriesGetTheRecipesMessage()
    {
        Assert.Equal("the prompt to bake is empty", ProblemWith(Valid with { Prompt = " " }, nameof(BakeRecipe.Prompt)));
        Assert.Equal("queries must not be empty", ProblemWith(Valid with { Queries = ["ok?", " "] }, nameof(BakeRecipe.Queries)));
        Assert.Equal("the prompt is 4001 characters; the limit is 4000", ProblemWith(Valid with { Prompt = new string('p', 4001) }, nameof(BakeRecipe.Prompt)));
    }
}
