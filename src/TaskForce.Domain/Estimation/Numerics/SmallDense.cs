namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>Cholesky solves and inverses of small symmetric positive-definite matrices (row-major), written out so
/// the bootstrap's tens of thousands of fits allocate little.</summary>
internal static class SmallDense
{
    /// <summary>Solves A x = b for symmetric positive-definite A.</summary>
    /// <returns>x, or null when A is not numerically positive definite.</returns>
    public static double[]? CholeskySolve(double[] a, int p, double[] b)
    {
        double[]? l = Factor(a, p);
        if (l is null)
        {
            return null;
        }

        var x = new double[p];
        for (int i = 0; i < p; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[(i * p) + k] * x[k];
            }

            x[i] = s / l[(i * p) + i];
        }

        for (int i = p - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int k = i + 1; k < p; k++)
            {
                s -= l[(k * p) + i] * x[k];
            }

            x[i] = s / l[(i * p) + i];
        }

        return x;
    }

    /// <summary>Returns A⁻¹ for symmetric positive-definite A, or null when A is not positive definite.</summary>
    public static double[]? CholeskyInverse(double[] a, int p)
    {
        double[]? l = Factor(a, p);
        if (l is null)
        {
            return null;
        }

        // Invert L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹.
        var li = new double[p * p];
        for (int j = 0; j < p; j++)
        {
            li[(j * p) + j] = 1.0 / l[(j * p) + j];
            for (int i = j + 1; i < p; i++)
            {
                double s = 0;
                for (int k = j; k < i; k++)
                {
                    s -= l[(i * p) + k] * li[(k * p) + j];
                }

                li[(i * p) + j] = s / l[(i * p) + i];
            }
        }

        var inv = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int k = i; k < p; k++)
                {
                    s += li[(k * p) + i] * li[(k * p) + j];
                }

                inv[(i * p) + j] = s;
                inv[(j * p) + i] = s;
            }
        }

        return inv;
    }

    private static double[]? Factor(double[] a, int p)
    {
        var l = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[(i * p) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * p) + k] * l[(j * p) + k];
                }

                if (i == j)
                {
                    if (!(s > 1e-13 * Math.Abs(a[(i * p) + i])) || !double.IsFinite(s))
                    {
                        return null;
                    }

                    l[(i * p) + i] = Math.Sqrt(s);
                }
                else
                {
                    l[(i * p) + j] = s / l[(j * p) + j];
                }
            }
        }

        return l;
    }
}
