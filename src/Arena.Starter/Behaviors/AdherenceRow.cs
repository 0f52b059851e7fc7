namespace Arena.Starter.Behaviors;

/// <summary>
/// Adherence to one behavior: the share of assistant replies that follow it with its system prompt
/// (<paramref name="Prompted"/>) and without any (<paramref name="Unprompted"/>), over <paramref name="N"/>
/// replies each. For facts the prompted share is fact recall.
/// </summary>
public sealed record AdherenceRow(string Family, string Id, double Prompted, double Unprompted, int N);
