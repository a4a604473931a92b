namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>
/// R's <c>spline(x, y, n = 3 * length(x), method = "fmm")</c> and <c>approx(x, y, xout)</c> (rule 1, ties = mean),
/// which MASS's <c>confint.profile.glm</c> uses to read the confidence limits off a likelihood profile. The cubic
/// spline is Forsythe, Malcolm &amp; Moler's (Computer Methods for Mathematical Computations, 1977, §4.4): end
/// conditions match the third derivative of the cubic through the four points at each end.
/// </summary>
internal static class RInterpolation
{
    /// <summary>Evaluates the FMM interpolating spline of (x, y) at n equally spaced points from min x to max x.</summary>
    /// <returns>The evaluation points and values.</returns>
    public static (double[] X, double[] Y) Spline(double[] x, double[] y)
    {
        (double[] xs, double[] ys) = Regularize(x, y);
        int nx = xs.Length;
        int n = 3 * nx;
        var b = new double[nx];
        var c = new double[nx];
        var d = new double[nx];
        FmmCoefficients(xs, ys, b, c, d);
        double[] xout = SeqLengthOut(xs[0], xs[^1], n);
        var yout = new double[n];
        int i = 0;
        for (int l = 0; l < n; l++)
        {
            double u = xout[l];
            if (u < xs[i] || (i < nx - 1 && xs[i + 1] < u))
            {
                i = 0;
                int j = nx;
                do
                {
                    int k = (i + j) / 2;
                    if (u < xs[k])
                    {
                        j = k;
                    }
                    else
                    {
                        i = k;
                    }
                }
                while (j > i + 1);
            }

            double dx = u - xs[i];
            yout[l] = ys[i] + (dx * (b[i] + (dx * (c[i] + (dx * d[i])))));
        }

        return (xout, yout);
    }

    /// <summary>Linear interpolation of (x, y) at v; NaN outside [min x, max x] (R's rule 1).</summary>
    public static double Approx(double[] x, double[] y, double v)
    {
        (double[] xs, double[] ys) = Regularize(x, y);
        int n = xs.Length;
        if (n == 0 || double.IsNaN(v) || v < xs[0] || v > xs[n - 1])
        {
            return double.NaN;
        }

        int i = 0;
        int j = n - 1;
        while (i < j - 1)
        {
            int ij = (i + j) / 2;
            if (v < xs[ij])
            {
                j = ij;
            }
            else
            {
                i = ij;
            }
        }

        if (v == xs[j])
        {
            return ys[j];
        }

        if (v == xs[i])
        {
            return ys[i];
        }

        return ys[i] + ((ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i])));
    }

    /// <summary>R's <c>seq.int(from, to, length.out = n)</c>.</summary>
    private static double[] SeqLengthOut(double from, double to, int n)
    {
        var result = new double[n];
        if (n > 0)
        {
            result[0] = from;
        }

        if (n > 1)
        {
            result[n - 1] = to;
        }

        if (n > 2)
        {
            double by = (to - from) / (n - 1);
            for (int i = 1; i < n - 1; i++)
            {
                result[i] = i < n / 2 ? from + (i * by) : to - ((n - 1 - i) * by);
            }
        }

        return result;
    }

    /// <summary>R's <c>regularize.values</c>: stable sort by x, average y over tied x.</summary>
    private static (double[] X, double[] Y) Regularize(double[] x, double[] y)
    {
        int[] order = [.. Enumerable.Range(0, x.Length).OrderBy(i => x[i])];
        var xs = new List<double>(x.Length);
        var ys = new List<double>(x.Length);
        int p = 0;
        while (p < order.Length)
        {
            double xv = x[order[p]];
            double sum = 0;
            int count = 0;
            while (p < order.Length && x[order[p]] == xv)
            {
                sum += y[order[p]];
                count++;
                p++;
            }

            xs.Add(xv);
            ys.Add(sum / count);
        }

        return ([.. xs], [.. ys]);
    }

    private static void FmmCoefficients(double[] x, double[] y, double[] b, double[] c, double[] d)
    {
        int n = x.Length;
        if (n < 2)
        {
            if (n == 1)
            {
                b[0] = c[0] = d[0] = 0;
            }

            return;
        }

        if (n < 3)
        {
            double t = (y[1] - y[0]) / (x[1] - x[0]);
            b[0] = b[1] = t;
            c[0] = c[1] = d[0] = d[1] = 0;
            return;
        }

        // 0-based transcription of the classic 1-based FMM routine: b diagonal, d off-diagonal, c right-hand side.
        int nm1 = n - 1;
        d[0] = x[1] - x[0];
        c[1] = (y[1] - y[0]) / d[0];
        for (int i = 1; i < nm1; i++)
        {
            d[i] = x[i + 1] - x[i];
            b[i] = 2.0 * (d[i - 1] + d[i]);
            c[i + 1] = (y[i + 1] - y[i]) / d[i];
            c[i] = c[i + 1] - c[i];
        }

        b[0] = -d[0];
        b[nm1] = -d[n - 2];
        c[0] = c[nm1] = 0.0;
        if (n > 3)
        {
            c[0] = (c[2] / (x[3] - x[1])) - (c[1] / (x[2] - x[0]));
            c[nm1] = (c[n - 2] / (x[nm1] - x[n - 3])) - (c[n - 3] / (x[n - 2] - x[n - 4]));
            c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
            c[nm1] = -c[nm1] * d[n - 2] * d[n - 2] / (x[nm1] - x[n - 4]);
        }

        for (int i = 1; i < n; i++)
        {
            double t = d[i - 1] / b[i - 1];
            b[i] -= t * d[i - 1];
            c[i] -= t * c[i - 1];
        }

        c[nm1] /= b[nm1];
        for (int i = n - 2; i >= 0; i--)
        {
            c[i] = (c[i] - (d[i] * c[i + 1])) / b[i];
        }

        b[nm1] = ((y[nm1] - y[n - 2]) / d[n - 2]) + (d[n - 2] * (c[n - 2] + (2.0 * c[nm1])));
        for (int i = 0; i < nm1; i++)
        {
            b[i] = ((y[i + 1] - y[i]) / d[i]) - (d[i] * (c[i + 1] + (2.0 * c[i])));
            d[i] = (c[i + 1] - c[i]) / d[i];
            c[i] = 3.0 * c[i];
        }

        c[nm1] = 3.0 * c[nm1];
        d[nm1] = d[n - 2];
    }
}
