using System.Text.Json.Nodes;
using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

/// <summary>The built-in <c>instructions</c> suite: IFEval's line format plus our id and category, every instruction used.</summary>
public class BuiltInInstructionsSuiteTests
{
    private static List<JsonObject> Items()
    {
        using var stream = typeof(InstructionRegistry).Assembly.GetManifestResourceStream("suites/instructions.jsonl");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
    }

    [Fact]
    public void EveryItemBuildsEveryInstruction()
    {
        foreach (var item in Items())
        {
            var id = item["id"]!.GetValue<string>();
            var ids = item["instruction_id_list"]!.AsArray();
            var kwargs = item["kwargs"]!.AsArray();
            Assert.True(ids.Count is >= 1 and <= 3, $"{id} has {ids.Count} instructions");
            Assert.Equal(ids.Count, kwargs.Count);
            Assert.Equal(ids[0]!.GetValue<string>().Split(':')[0], item["category"]!.GetValue<string>());
            for (var i = 0; i < ids.Count; i++)
                InstructionRegistry.Create(ids[i]!.GetValue<string>(), kwargs[i]!.AsObject(), item["prompt"]!.GetValue<string>());
        }
    }

    [Fact]
    public void SuiteHasAtLeast160ItemsWithUniqueIds()
    {
        var ids = Items().Select(item => item["id"]!.GetValue<string>()).ToList();
        Assert.True(ids.Count >= 160, $"only {ids.Count} items");
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void EveryRegistryIdIsUsedAtLeastFourTimes()
    {
        var uses = Items().SelectMany(item => item["instruction_id_list"]!.AsArray().Select(id => id!.GetValue<string>()))
            .CountBy(id => id).ToDictionary();
        foreach (var id in InstructionRegistry.Ids)
            Assert.True(uses.GetValueOrDefault(id) >= 4, $"{id} is used {uses.GetValueOrDefault(id)} times");
        Assert.Empty(uses.Keys.Except(InstructionRegistry.Ids));
    }

    [Fact]
    public void SomeItemsCombineInstructions()
    {
        Assert.True(Items().Count(item => item["instruction_id_list"]!.AsArray().Count >= 2) >= 20);
    }

    [Fact]
    public void RepeatPromptItemsRepeatTheirOwnRequest()
    {
        foreach (var item in Items())
        {
            var ids = item["instruction_id_list"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
            var at = ids.IndexOf("combination:repeat_prompt");
            if (at < 0) continue;
            var request = item["kwargs"]![at]!["prompt_to_repeat"]!.GetValue<string>();
            Assert.StartsWith(request, item["prompt"]!.GetValue<string>());
        }
    }
}
