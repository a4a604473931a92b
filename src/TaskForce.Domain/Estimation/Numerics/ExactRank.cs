using System.Numerics;

namespace TaskForce.Domain.Estimation.Numerics;

/// <summary>The exact column rank of an integer matrix by fraction-free (Bareiss 1968) Gaussian elimination.</summary>
/// <remarks>SparseMSE's <c>buildmodelmatrix</c> uses R's <c>qr(modmat)$rank</c> (tolerance 1e-7); for the 0/1 design
/// matrices of log-linear capture models the exact rank is the same number without a tolerance.</remarks>
internal static class ExactRank
{
    /// <summary>Returns the rank of a row-major integer matrix.</summary>
    /// <param name="matrix">The entries, <paramref name="rows"/> × <paramref name="columns"/>.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <returns>The rank, in [0, min(rows, columns)].</returns>
    public static int Of(int[] matrix, int rows, int columns)
    {
        var m = new BigInteger[rows * columns];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = matrix[i];
        }

        BigInteger previous = BigInteger.One;
        int rank = 0;
        for (int c = 0; c < columns && rank < rows; c++)
        {
            int pivotRow = -1;
            for (int r = rank; r < rows; r++)
            {
                if (!m[(r * columns) + c].IsZero)
                {
                    pivotRow = r;
                    break;
                }
            }

            if (pivotRow < 0)
            {
                continue;
            }

            if (pivotRow != rank)
            {
                for (int j = 0; j < columns; j++)
                {
                    (m[(rank * columns) + j], m[(pivotRow * columns) + j]) = (m[(pivotRow * columns) + j], m[(rank * columns) + j]);
                }
            }

            BigInteger pivot = m[(rank * columns) + c];
            for (int r = rank + 1; r < rows; r++)
            {
                BigInteger factor = m[(r * columns) + c];
                for (int j = c + 1; j < columns; j++)
                {
                    m[(r * columns) + j] = ((m[(r * columns) + j] * pivot) - (factor * m[(rank * columns) + j])) / previous;
                }

                m[(r * columns) + c] = BigInteger.Zero;
            }

            previous = pivot;
            rank++;
        }

        return rank;
    }
}
