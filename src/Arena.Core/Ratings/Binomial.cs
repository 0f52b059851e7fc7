namespace Arena.Core.Ratings;

/// <summary>
/// Exact binomial variates, so a bootstrap round can redraw a million battles with one draw per distinct row instead
/// of one per battle. Small means use inversion; large ones Hörmann's BTRS (transformed rejection with squeeze,
/// "The generation of binomial random variates", 1993), the sampler TensorFlow and JAX use.
/// </summary>
static class Binomial
{
    public static int Sample(Random rng, int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - Sample(rng, n, 1 - p); // both methods assume p ≤ ½
        return n * p < 10 ? Inversion(rng, n, p) : Btrs(rng, n, p);
    }

    /// <summary>Walks the CDF from 0; expected n·p + 1 steps, and q^n ≥ e^−15 here, so no underflow.</summary>
    static int Inversion(Random rng, int n, double p)
    {
        var q = 1 - p;
        var (s, a, r0) = (p / q, (n + 1) * p / q, Math.Pow(q, n));
        while (true)
        {
            var (u, r) = (rng.NextDouble(), r0);
            for (int x = 0; x <= n; x++)
            {
                if (u <= r) return x;
                u -= r;
                r *= a / (x + 1) - s; // P(x+1) / P(x)
            }
            // Rounding left u above the whole CDF: vanishingly rare, and redrawing keeps the result exact.
        }
    }

    static int Btrs(Random rng, int n, double p)
    {
        var q = 1 - p;
        var spq = Math.Sqrt(n * p * q);
        var b = 1.15 + 2.53 * spq;
        var a = -0.0873 + 0.0248 * b + 0.01 * p;
        var c = n * p + 0.5;
        var vr = 0.92 - 4.2 / b;
        var alpha = (2.83 + 5.1 / b) * spq;
        var lpq = Math.Log(p / q);
        var m = Math.Floor((n + 1) * p);
        var h = LogFactorial(m) + LogFactorial(n - m);
        while (true)
        {
            var u = rng.NextDouble() - 0.5;
            var v = rng.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) continue;
            if (us >= 0.07 && v <= vr) return (int)k; // the squeeze: accepted without evaluating the density
            v = Math.Log(v * alpha / (a / (us * us) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + (k - m) * lpq) return (int)k;
        }
    }

    /// <summary>log k! by Stirling's series with its correction term; exact from a table below 10.</summary>
    static double LogFactorial(double k)
    {
        if (k < Small.Length) return Small[(int)k];
        var k2 = k * k;
        return (k + 0.5) * Math.Log(k) - k + 0.5 * Math.Log(2 * Math.PI) + (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / k2) / k2) / k;
    }

    static readonly double[] Small = [.. Enumerable.Range(0, 10).Select(k => Math.Log(Enumerable.Range(1, k).Aggregate(1.0, (x, y) => x * y)))];
}
