namespace Arena.Starter.World;

/// <summary>One invented fact: subject, object and the extra detail of its relation.</summary>
internal sealed record Fact(FactRelation Relation, string Subject, string Object, string Extra)
{
    private (string, string)[] Slots => [("s", Subject), ("o", Object), ("x", Extra)];

    public string Statement(Random rng, Split split) => rng.Pick(Template.Of(Relation.Statements, split)).Fill(Slots);

    public string Question(Random rng, Split split) => rng.Pick(Template.Of(Relation.Questions, split)).Fill(Slots);

    public string Answer() => Relation.Answer.Fill(Slots);
}
