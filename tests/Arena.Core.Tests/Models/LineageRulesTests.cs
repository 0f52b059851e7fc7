using Arena.Core.Models;

namespace Arena.Core.Tests.Models;

/// <summary>The lineage rules of docs/web.md, "Visibility and lineage", on documents in memory.</summary>
public sealed class LineageRulesTests
{
    static readonly Viewer Alice = Viewer.User(Guid.NewGuid(), "alice");
    static readonly Viewer Bob = Viewer.User(Guid.NewGuid(), "bob");

    static ArenaModel Model(ArenaModel? parent, Visibility vis, string? prompt, Viewer owner) => new()
    {
        Id = Guid.NewGuid(), Name = "m", OwnerName = owner.UserName ?? "arena", OwnerId = owner.UserId, BaseModel = "b", Visibility = vis,
        Kind = parent is null ? ModelKind.Base : prompt is null ? ModelKind.Variant : ModelKind.Baked,
        ParentId = parent?.Id, AncestorIds = parent is null ? [] : [.. parent.AncestorIds, parent.Id],
        BakedPrompts = [.. parent?.BakedPrompts ?? [], .. prompt is null ? Array.Empty<string>() : [prompt]],
    };

    [Fact]
    public void PromptsFollowTheModelThatBakedThem()
    {
        var root = Model(null, Visibility.Public, null, Viewer.Anonymous);
        var a = Model(root, Visibility.Public, "a", Alice);
        var p = Model(a, Visibility.Private, "p", Alice);
        var v = Model(p, Visibility.Private, null, Alice);      // a variant: no prompt of its own
        var u = Model(v, Visibility.Unlisted, "u", Alice);
        var f = Model(u, Visibility.Public, "f", Bob);
        ArenaModel[] chain = [root, a, p, v, u];

        Assert.Equal(["a", "u", "f"], f.PromptsVisibleTo(Bob, chain));
        Assert.Equal(["a", "u", "f"], f.PromptsVisibleTo(Viewer.Anonymous, chain));
        Assert.Equal(["a", "p", "u", "f"], f.PromptsVisibleTo(Alice, chain));
        var shown = f.ShownTo(Bob, chain);
        Assert.Equal(["a", "u", "f"], shown.BakedPrompts);
        Assert.Equal(1, shown.PromptsWithheld);
        Assert.Equal(4, f.BakedPrompts.Count);                   // the document itself is untouched

        // A missing ancestor withholds what it may have baked (fail closed), not the rest.
        Assert.Equal(["a", "p", "f"], f.PromptsVisibleTo(Alice, [root, a, p, v]));
        Assert.Equal(["f"], f.PromptsVisibleTo(Alice, []));
    }

    [Fact]
    public void EffectiveVisibilityIsTheMostRestrictiveOfTheLineage()
    {
        var root = Model(null, Visibility.Public, null, Viewer.Anonymous);
        var a = Model(root, Visibility.Public, "a", Alice);
        var u = Model(a, Visibility.Unlisted, "u", Alice);
        var p = Model(u, Visibility.Private, "p", Alice);
        var f = Model(u, Visibility.Public, "f", Bob);
        var g = Model(p, Visibility.Public, "g", Alice);

        Assert.Equal(Visibility.Public, a.EffectiveVisibility([root]));
        Assert.Equal(Visibility.Unlisted, f.EffectiveVisibility([root, a, u]));
        Assert.Equal(Visibility.Private, g.EffectiveVisibility([root, a, u, p]));
        Assert.Equal(Visibility.Private, f.EffectiveVisibility([root, u]));   // missing ancestor: private
        Assert.Equal(Visibility.Unlisted, Visibilities.MostRestrictive(Visibility.Public, Visibility.Unlisted));
    }

    [Fact]
    public void SearchTextIndexesNoPromptOfALessVisibleAncestor()
    {
        var root = Model(null, Visibility.Public, null, Viewer.Anonymous);
        var a = Model(root, Visibility.Public, "alpha", Alice);
        var p = Model(a, Visibility.Private, "papaya", Alice);
        var u = Model(p, Visibility.Unlisted, "umbrella", Alice);
        var f = Model(u, Visibility.Public, "fig", Bob);
        var mine = Model(p, Visibility.Private, "mango", Alice);

        var text = f.RefreshSearchText([root, a, p, u]).SearchText;
        Assert.Contains("alpha", text);
        Assert.Contains("fig", text);
        Assert.DoesNotContain("papaya", text);
        Assert.DoesNotContain("umbrella", text);
        Assert.Contains("papaya", mine.RefreshSearchText([root, a, p]).SearchText);     // her own private lineage
        Assert.DoesNotContain("papaya", Model(p, Visibility.Private, "x", Bob).RefreshSearchText([root, a, p]).SearchText);
        Assert.DoesNotContain("alpha", f.RefreshSearchText().SearchText);                // no lineage: own prompt only
        Assert.Contains("fig", f.SearchText);
    }
}
