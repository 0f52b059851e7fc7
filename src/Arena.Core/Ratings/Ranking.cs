namespace Arena.Core.Ratings;

/// <summary>
/// Chatbot Arena's rank: 1 + the number of models that are better beyond doubt, i.e. whose interval lies wholly
/// above this model's. Models whose intervals overlap share a rank, so a rank says "nobody is clearly ahead of me"
/// rather than claiming an order the data cannot support.
/// </summary>
public static class Ranking
{
    public static int[] FromIntervals(IReadOnlyList<double> low, IReadOnlyList<double> high)
    {
        if (low.Count != high.Count) throw new ArgumentException("low and high bounds differ in length");
        var rank = new int[low.Count];
        for (int i = 0; i < rank.Length; i++)
        {
            rank[i] = 1;
            for (int j = 0; j < rank.Length; j++)
                if (low[j] > high[i]) rank[i]++;
        }
        return rank;
    }
}
