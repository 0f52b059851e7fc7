namespace Arena.Core.Ratings;

/// <summary>A square table over models: <c>Values[i][j]</c> is about row model i against column model j.</summary>
public sealed record ModelMatrix<T>(IReadOnlyList<string> Models, T[][] Values)
{
    public T this[string rowModel, string columnModel] => Values[IndexOf(rowModel)][IndexOf(columnModel)];

    int IndexOf(string model)
    {
        for (int i = 0; i < Models.Count; i++)
            if (Models[i] == model) return i;
        throw new KeyNotFoundException($"no model '{model}' in this table");
    }
}
