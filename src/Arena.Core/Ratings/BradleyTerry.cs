namespace Arena.Core.Ratings;

/// <summary>
/// Bradley–Terry maximum likelihood: P(i beats j) = σ(θᵢ − θⱼ), ties counted as half a win each way (FastChat's
/// compute_mle_elo / fit_bt). Solved by Newton's method on the pair totals, so the cost is independent of the number
/// of battles: O(pairs) per iteration plus an M×M Cholesky, a few milliseconds for a hundred models.
/// </summary>
public static class BradleyTerry
{
    /// <summary>
    /// The L2 penalty on θ (in nats). Tiny, like FastChat's logistic regression with C = 1e6: it moves real ratings by
    /// far less than 0.01 points, but it makes the optimum unique (BT alone fixes only differences, per connected group
    /// of models) and finite when a model won every battle, where plain maximum likelihood runs off to infinity. Such
    /// a model lands around ln(battles / L2) nats (thousands of points) above its field: huge, but never NaN.
    /// </summary>
    public const double DefaultL2 = 1e-6;

    const int MaxIterations = 200;
    const double Tolerance = 1e-12; // Newton decrement: the predicted gain in log-likelihood from one more step

    public static double[] Ratings(PairTotals totals, RatingScale? scale = null, double l2 = DefaultL2) =>
        (scale ?? RatingScale.Default).Centred(Strengths(totals, l2));

    /// <summary>Log-strengths θ in nats maximising the penalised log-likelihood. <paramref name="start"/> (a previous
    /// fit, e.g. on the full data before bootstrapping) only speeds convergence; the answer is the same.</summary>
    public static double[] Strengths(PairTotals totals, double l2 = DefaultL2, ReadOnlySpan<double> start = default)
    {
        if (!(l2 > 0)) throw new ArgumentOutOfRangeException(nameof(l2), l2, "the L2 penalty must be positive (it makes the fit unique)");
        var m = totals.ModelCount;
        var theta = start.IsEmpty ? new double[m] : start.ToArray();
        if (theta.Length != m) throw new ArgumentException($"start has {theta.Length} strengths for {m} models", nameof(start));
        var (grad, hessian, step, trial) = (new double[m], new double[m * m], new double[m], new double[m]);

        var f = PenalisedLogLikelihood(totals, theta, l2);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            GradientAndCurvature(totals, theta, l2, grad, hessian);
            Cholesky.Solve(hessian, m, grad, step);
            var decrement = Dot(grad, step); // ≥ 0: the curvature matrix is positive definite
            if (decrement < Tolerance) break;

            // Backtracking keeps every step an ascent step; full Newton steps can overshoot while a model's strength
            // is still running away (separated data). Near the optimum, f differences drown in rounding, so the
            // quadratic model is trusted outright there.
            double t = 1, fTrial;
            while (true)
            {
                for (int i = 0; i < m; i++) trial[i] = theta[i] + t * step[i];
                fTrial = PenalisedLogLikelihood(totals, trial, l2);
                if (fTrial >= f + 1e-4 * t * decrement || decrement < 1e-6) break;
                t *= 0.5;
                if (t < 1e-12) return theta; // no ascent left at double precision
            }
            (theta, trial, f) = (trial, theta, fTrial);
        }
        return theta;
    }

    /// <summary>Σ W log σ(d) + (N − W) log σ(−d) over pairs, minus L2/2 · |θ|².</summary>
    public static double PenalisedLogLikelihood(PairTotals totals, ReadOnlySpan<double> theta, double l2)
    {
        var sum = 0.0;
        for (int p = 0; p < totals.Pairs; p++)
        {
            var d = theta[totals.A[p]] - theta[totals.B[p]];
            var (w, n) = (totals.WinsOfA[p], totals.Games[p]);
            sum += w * LogSigmoid(d) + (n - w) * LogSigmoid(-d);
        }
        foreach (var t in theta) sum -= 0.5 * l2 * t * t;
        return sum;
    }

    /// <summary>The gradient, and minus the Hessian (positive definite thanks to the L2 term), row-major M×M.</summary>
    static void GradientAndCurvature(PairTotals totals, double[] theta, double l2, double[] grad, double[] curvature)
    {
        var m = theta.Length;
        Array.Clear(curvature);
        for (int i = 0; i < m; i++)
        {
            grad[i] = -l2 * theta[i];
            curvature[i * m + i] = l2;
        }
        for (int p = 0; p < totals.Pairs; p++)
        {
            int a = totals.A[p], b = totals.B[p];
            var s = Sigmoid(theta[a] - theta[b]);
            var r = totals.WinsOfA[p] - totals.Games[p] * s;
            var h = totals.Games[p] * s * (1 - s);
            grad[a] += r;
            grad[b] -= r;
            curvature[a * m + a] += h;
            curvature[b * m + b] += h;
            curvature[a * m + b] -= h;
            curvature[b * m + a] -= h;
        }
    }

    static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log σ(x) without overflow or cancellation for large |x|.</summary>
    static double LogSigmoid(double x) => x >= 0 ? -Math.Log(1 + Math.Exp(-x)) : x - Math.Log(1 + Math.Exp(x));

    static double Dot(double[] x, double[] y)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
