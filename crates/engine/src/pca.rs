//! Principal component analysis of the sparse vote matrix and the Pol.is projections.
//!
//! # What is computed
//!
//! Votes are in the agree = +1 frame. The centre of a statement is the mean of its observed
//! votes (0 for a moderated-out statement). Pol.is fills every missing cell with that mean and
//! subtracts it again, so the centred matrix `A` is exactly as sparse as the votes: a cell is
//! `vote − centre` where a vote exists and 0 elsewhere, and every cell of a moderated-out
//! column is 0. `A` is never materialised: `A·v` and `Aᵀ·u` are sums over the stored votes.
//!
//! The components are the top two right singular vectors of `A`, computed exactly (to about
//! 1e-10) rather than by Pol.is's 100-step power iteration, which only approximates them:
//!
//! * when there are few active columns, the Gram matrix `AᵀA` is accumulated from the sparse rows
//!   and handed to a dense symmetric eigensolver;
//! * otherwise a block Krylov method with full reorthogonalisation and Rayleigh–Ritz extraction
//!   runs until the residuals of both Ritz pairs are below a tolerance relative to the largest
//!   eigenvalue. Each iteration is one parallel pass over the votes.
//!
//! A component whose eigenvalue is not larger than `1e-10` times the largest one does not exist
//! (the matrix has rank below 2) and is returned as a zero vector, as is every component of a
//! matrix without variance (no votes, one participant, identical rows).
//!
//! # Sign convention
//!
//! Singular vectors have no intrinsic sign, so one is chosen:
//!
//! * on a cold start (no previous components), each component is oriented so that its entry of
//!   largest absolute value is positive; among entries of equal absolute value, the one in the
//!   lowest column decides;
//! * on a warm start, each component is oriented so that its dot product with the previous
//!   component (aligned by statement; statements that are new count as 0) is non-negative, so
//!   the opinion map does not flip between recomputations. A dot product of exactly 0 falls
//!   back to the cold-start rule.
//!
//! Flipping the vote convention (Pol.is's raw frame has agree = −1) negates the centre, every
//! projection and every cluster centre, and leaves the components valid up to sign.
//!
//! # Determinism
//!
//! Parallel sums run over fixed chunks of rows that depend only on the matrix, and the chunk
//! results are added in chunk order, so the output is bit-identical from run to run whatever the
//! number of threads. Start vectors are fixed pseudo-random numbers, not drawn from a seed.

use std::ops::Range;

use faer::diag::Diag;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::evd::{self, ComputeEigenvectors};
use faer::{Mat, Par};
use rayon::prelude::*;

use crate::votes::VoteMatrix;

/// Number of components the Pol.is analysis computes.
pub const N_COMPONENTS: usize = 2;

/// Number of vectors the block Krylov method carries per block: the two wanted and one more,
/// which keeps a second and third eigenvalue that nearly coincide from slowing convergence.
const BLOCK: usize = 3;

/// The Krylov basis restarts from its best Ritz vectors when it would grow beyond this size.
const MAX_BASIS: usize = 16 * BLOCK;

/// Above this many active columns the Gram matrix is never formed.
const GRAM_MAX_COLUMNS: usize = 400;

/// Eigenvalues at or below this fraction of the largest count as zero (no component).
const RANK_TOLERANCE: f64 = 1e-10;

/// A vector whose norm shrinks below this fraction during orthogonalisation is dropped.
const DROP_TOLERANCE: f64 = 1e-9;

/// Rows per chunk never fall below this, so tiny matrices are not split needlessly.
const MIN_VOTES_PER_CHUNK: usize = 1 << 14;

/// Upper bound on the number of row chunks of a parallel pass.
const MAX_CHUNKS: usize = 64;

/// Upper bound on the number of row chunks when accumulating the Gram matrix.
const MAX_GRAM_CHUNKS: usize = 8;

/// How the components are computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PcaMethod {
    /// The Gram matrix for few active columns, the block Krylov method otherwise.
    #[default]
    Auto,
    /// Accumulate `AᵀA` and use a dense symmetric eigensolver.
    Gram,
    /// Block Krylov iteration on `AᵀA` with Rayleigh–Ritz extraction.
    Krylov,
}

/// Settings of the component computation.
#[derive(Clone, Debug, PartialEq)]
pub struct PcaOptions {
    /// Which method to use.
    pub method: PcaMethod,
    /// Krylov stops when every residual `‖AᵀA x − θ x‖` is at most this times the largest θ.
    pub tolerance: f64,
    /// Krylov gives up after this many passes over the votes.
    pub max_iterations: usize,
}

impl Default for PcaOptions {
    fn default() -> PcaOptions {
        PcaOptions {
            method: PcaMethod::Auto,
            tolerance: 1e-11,
            max_iterations: 200,
        }
    }
}

/// The centre and principal components of a vote matrix, per column.
#[derive(Clone, Debug, PartialEq)]
pub struct Pca {
    /// Mean of the observed votes of each column (agree = +1); 0 for moderated-out columns.
    pub center: Vec<f64>,
    /// The two components, unit length, or all zeros where no component exists.
    pub components: [Vec<f64>; N_COMPONENTS],
    /// Eigenvalues of `AᵀA` (squared singular values) of the components; 0 where none exists.
    pub eigenvalues: [f64; N_COMPONENTS],
    /// The method that ran (never `Auto`).
    pub method: PcaMethod,
    /// Passes over the votes the Krylov method made (0 for the Gram method).
    pub iterations: usize,
    /// Whether the Krylov method met its tolerance (always true for the Gram method).
    pub converged: bool,
}

impl Pca {
    /// Returns how many of the two components exist (are not zero vectors).
    pub fn n_components(&self) -> usize {
        self.eigenvalues
            .iter()
            .filter(|&&value| value > 0.0)
            .count()
    }
}

/// Returns whether column `column` is moderated out; columns beyond `mod_out` are in.
fn is_out(mod_out: &[bool], column: usize) -> bool {
    mod_out.get(column).copied().unwrap_or(false)
}

/// Splits the rows into contiguous chunks of similar vote counts; depends on the matrix only.
fn row_chunks(matrix: &VoteMatrix, max_chunks: usize) -> Vec<Range<usize>> {
    let n_rows = matrix.n_participants();
    let target = (matrix.n_votes() / max_chunks.max(1)).max(MIN_VOTES_PER_CHUNK);
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut votes = 0;
    for row in 0..n_rows {
        votes += matrix.row_len(row);
        if votes >= target {
            chunks.push(start..row + 1);
            start = row + 1;
            votes = 0;
        }
    }
    if start < n_rows {
        chunks.push(start..n_rows);
    }
    chunks
}

/// Returns the mean of the observed votes of each column, and 0 for moderated-out columns.
pub fn column_centers(matrix: &VoteMatrix, mod_out: &[bool]) -> Vec<f64> {
    let n_columns = matrix.n_statements();
    let partials: Vec<Vec<(i64, i64)>> = row_chunks(matrix, MAX_CHUNKS)
        .into_par_iter()
        .map(|rows| {
            let mut sums = vec![(0i64, 0i64); n_columns];
            for row in rows {
                let (columns, values) = matrix.row_slices(row);
                for (&column, &value) in columns.iter().zip(values) {
                    let entry = &mut sums[column as usize];
                    entry.0 += i64::from(value);
                    entry.1 += 1;
                }
            }
            sums
        })
        .collect();
    let mut totals = vec![(0i64, 0i64); n_columns];
    for partial in &partials {
        for (total, part) in totals.iter_mut().zip(partial) {
            total.0 += part.0;
            total.1 += part.1;
        }
    }
    totals
        .iter()
        .enumerate()
        .map(|(column, &(sum, count))| {
            if is_out(mod_out, column) || count == 0 {
                0.0
            } else {
                // Both integers are exact in f64, so the quotient is correctly rounded.
                sum as f64 / count as f64
            }
        })
        .collect()
}

/// The centred value of each possible vote (−1, 0, +1) per column; all 0 when moderated out.
fn value_table(center: &[f64], mod_out: &[bool]) -> Vec<[f64; 3]> {
    center
        .iter()
        .enumerate()
        .map(|(column, &c)| {
            if is_out(mod_out, column) {
                [0.0; 3]
            } else {
                [-1.0 - c, 0.0 - c, 1.0 - c]
            }
        })
        .collect()
}

/// Index into a value table row for a vote in agree = +1.
fn slot(value: i8) -> usize {
    // Stored values are −1, 0 or 1; clamping keeps any other byte inside the table.
    usize::from(value.clamp(-1, 1).wrapping_add(1).unsigned_abs())
}

/// Computes the centre and the top two components of the centred vote matrix.
///
/// `mod_out[j]` says whether column `j` is moderated out (its votes count as 0 for everyone).
/// `previous` holds the previous components aligned to the current columns (0 for new
/// statements); it seeds the Krylov method and decides the signs (see the module docs).
pub fn principal_components(
    matrix: &VoteMatrix,
    mod_out: &[bool],
    previous: Option<&[Vec<f64>; N_COMPONENTS]>,
    options: &PcaOptions,
) -> Pca {
    let center = column_centers(matrix, mod_out);
    let n_columns = center.len();
    let table = value_table(&center, mod_out);
    let active: Vec<usize> = (0..n_columns)
        .filter(|&column| !is_out(mod_out, column))
        .collect();

    let method = match options.method {
        PcaMethod::Auto => {
            if gram_is_cheap(matrix, active.len()) {
                PcaMethod::Gram
            } else {
                PcaMethod::Krylov
            }
        }
        chosen => chosen,
    };

    let (mut pairs, iterations, converged) = if active.is_empty() || matrix.n_participants() < 2 {
        (Vec::new(), 0, true)
    } else if method == PcaMethod::Gram {
        (gram_pairs(matrix, &table, &active), 0, true)
    } else {
        let outcome = krylov_pairs(matrix, &table, &active, previous, options);
        (outcome.pairs, outcome.iterations, outcome.converged)
    };

    // Keep only components that exist, largest first.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let largest = pairs.first().map_or(0.0, |pair| pair.0);
    let mut eigenvalues = [0.0; N_COMPONENTS];
    let mut components: [Vec<f64>; N_COMPONENTS] = [vec![0.0; n_columns], vec![0.0; n_columns]];
    for (index, (value, vector)) in pairs.into_iter().take(N_COMPONENTS).enumerate() {
        if largest > 0.0 && value > RANK_TOLERANCE * largest && value.is_finite() {
            let mut vector = vector;
            for (column, x) in vector.iter_mut().enumerate() {
                if is_out(mod_out, column) {
                    *x = 0.0;
                }
            }
            normalize(&mut vector);
            orient(&mut vector, previous.map(|p| p[index].as_slice()));
            eigenvalues[index] = value;
            components[index] = vector;
        }
    }

    Pca {
        center,
        components,
        eigenvalues,
        method,
        iterations,
        converged,
    }
}

/// Decides whether forming `AᵀA` costs less than a typical Krylov run.
fn gram_is_cheap(matrix: &VoteMatrix, n_active: usize) -> bool {
    if n_active > GRAM_MAX_COLUMNS {
        return false;
    }
    let gram_cost: f64 = (0..matrix.n_participants())
        .map(|row| {
            let length = matrix.row_len(row) as f64;
            length * length
        })
        .sum();
    let krylov_cost = 40.0 * BLOCK as f64 * matrix.n_votes() as f64;
    gram_cost <= krylov_cost
}

/// Scales a vector to unit length; leaves a zero vector alone.
fn normalize(vector: &mut [f64]) {
    let norm = dot(vector, vector).sqrt();
    if norm > 0.0 {
        for x in vector.iter_mut() {
            *x /= norm;
        }
    }
}

/// Orients a component by the sign convention of the module docs.
fn orient(component: &mut [f64], previous: Option<&[f64]>) {
    if let Some(previous) = previous {
        let alignment: f64 = component.iter().zip(previous).map(|(a, b)| a * b).sum();
        if alignment > 0.0 {
            return;
        }
        if alignment < 0.0 {
            negate(component);
            return;
        }
    }
    let mut decisive = 0;
    let mut largest = -1.0;
    for (column, &x) in component.iter().enumerate() {
        if x.abs() > largest {
            largest = x.abs();
            decisive = column;
        }
    }
    if component.get(decisive).is_some_and(|&x| x < 0.0) {
        negate(component);
    }
}

fn negate(vector: &mut [f64]) {
    for x in vector.iter_mut() {
        *x = -*x;
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Eigenpairs of a small symmetric matrix (row-major, `size` × `size`), largest first.
fn symmetric_eigen(matrix: &[f64], size: usize) -> Vec<(f64, Vec<f64>)> {
    if size == 0 {
        return Vec::new();
    }
    let a = Mat::from_fn(size, size, |i, j| matrix[i * size + j]);
    let mut values = Diag::<f64>::zeros(size);
    let mut vectors = Mat::<f64>::zeros(size, size);
    let par = Par::Seq;
    let mut buffer = MemBuffer::new(evd::self_adjoint_evd_scratch::<f64>(
        size,
        ComputeEigenvectors::Yes,
        par,
        Default::default(),
    ));
    let result = evd::self_adjoint_evd(
        a.as_ref(),
        values.as_mut(),
        Some(vectors.as_mut()),
        par,
        MemStack::new(&mut buffer),
        Default::default(),
    );
    if result.is_err() {
        // The solver only fails on non-finite input; no component can be trusted then.
        return Vec::new();
    }
    let values = values.column_vector();
    (0..size)
        .rev()
        .map(|index| {
            let vector = (0..size).map(|row| vectors[(row, index)]).collect();
            (values[index], vector)
        })
        .collect()
}

/// Top eigenpairs of `AᵀA` through the Gram matrix over the active columns.
fn gram_pairs(matrix: &VoteMatrix, table: &[[f64; 3]], active: &[usize]) -> Vec<(f64, Vec<f64>)> {
    let n_columns = table.len();
    let size = active.len();
    let mut position = vec![usize::MAX; n_columns];
    for (index, &column) in active.iter().enumerate() {
        position[column] = index;
    }
    let partials: Vec<Vec<f64>> = row_chunks(matrix, MAX_GRAM_CHUNKS)
        .into_par_iter()
        .map(|rows| {
            let mut gram = vec![0.0; size * size];
            let mut cells: Vec<(usize, f64)> = Vec::new();
            for row in rows {
                cells.clear();
                let (columns, values) = matrix.row_slices(row);
                for (&column, &value) in columns.iter().zip(values) {
                    let column = column as usize;
                    let index = position[column];
                    let centred = table[column][slot(value)];
                    if index != usize::MAX && centred != 0.0 {
                        cells.push((index, centred));
                    }
                }
                // Columns ascend within a row, so `later >= earlier` and only the lower
                // triangle is touched.
                for (p, &(later, a)) in cells.iter().enumerate() {
                    let line = &mut gram[later * size..later * size + size];
                    for &(earlier, b) in &cells[..=p] {
                        line[earlier] += a * b;
                    }
                }
            }
            gram
        })
        .collect();
    let mut gram = vec![0.0; size * size];
    for partial in &partials {
        for (total, part) in gram.iter_mut().zip(partial) {
            *total += part;
        }
    }
    for i in 0..size {
        for j in 0..i {
            gram[j * size + i] = gram[i * size + j];
        }
    }
    symmetric_eigen(&gram, size)
        .into_iter()
        .take(N_COMPONENTS)
        .map(|(value, small)| {
            let mut vector = vec![0.0; n_columns];
            for (&column, &x) in active.iter().zip(&small) {
                vector[column] = x;
            }
            (value, vector)
        })
        .collect()
}

/// The operator `AᵀA` applied to a block of `BLOCK` vectors, one parallel pass over the votes.
struct Operator<'a> {
    matrix: &'a VoteMatrix,
    table: &'a [[f64; 3]],
    chunks: Vec<Range<usize>>,
}

impl Operator<'_> {
    /// Returns `AᵀA V` for the vectors `V` given as columns (at most `BLOCK` of them).
    fn apply(&self, vectors: &[Vec<f64>]) -> Vec<Vec<f64>> {
        let n_columns = self.table.len();
        let mut block = vec![[0.0; BLOCK]; n_columns];
        for (index, vector) in vectors.iter().enumerate().take(BLOCK) {
            for (row, &x) in block.iter_mut().zip(vector) {
                row[index] = x;
            }
        }
        let partials: Vec<Vec<[f64; BLOCK]>> = self
            .chunks
            .par_iter()
            .map(|rows| {
                let mut sums = vec![[0.0; BLOCK]; n_columns];
                for row in rows.clone() {
                    let (columns, values) = self.matrix.row_slices(row);
                    let mut product = [0.0; BLOCK];
                    for (&column, &value) in columns.iter().zip(values) {
                        let centred = self.table[column as usize][slot(value)];
                        let entry = &block[column as usize];
                        for k in 0..BLOCK {
                            product[k] += centred * entry[k];
                        }
                    }
                    for (&column, &value) in columns.iter().zip(values) {
                        let centred = self.table[column as usize][slot(value)];
                        let sum = &mut sums[column as usize];
                        for k in 0..BLOCK {
                            sum[k] += centred * product[k];
                        }
                    }
                }
                sums
            })
            .collect();
        let mut total = vec![[0.0; BLOCK]; n_columns];
        for partial in &partials {
            for (sum, part) in total.iter_mut().zip(partial) {
                for k in 0..BLOCK {
                    sum[k] += part[k];
                }
            }
        }
        (0..vectors.len().min(BLOCK))
            .map(|index| total.iter().map(|row| row[index]).collect())
            .collect()
    }
}

/// A fixed pseudo-random number in [−1, 1) for (vector, column): SplitMix64 of both.
fn start_entry(vector: usize, column: usize) -> f64 {
    let mut z = (vector as u64)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add((column as u64).wrapping_mul(0xD1B5_4A32_D192_ED03))
        .wrapping_add(0x2545_F491_4F6C_DD1D);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    // The top 53 bits give a uniform double in [0, 1).
    let unit = (z >> 11) as f64 / (1u64 << 53) as f64;
    2.0 * unit - 1.0
}

/// `count` pseudo-random vectors supported on the active columns, numbered from `first`.
fn random_vectors(n_columns: usize, active: &[usize], first: usize, count: usize) -> Vec<Vec<f64>> {
    (first..first + count)
        .map(|index| {
            let mut vector = vec![0.0; n_columns];
            for &column in active {
                vector[column] = start_entry(index, column);
            }
            vector
        })
        .collect()
}

/// Orthonormalises candidates against a basis and each other (Gram–Schmidt, twice), dropping
/// those that are numerically inside the span.
fn orthonormalize(candidates: Vec<Vec<f64>>, basis: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let mut accepted: Vec<Vec<f64>> = Vec::new();
    for mut vector in candidates {
        let initial = dot(&vector, &vector).sqrt();
        if !(initial > 0.0 && initial.is_finite()) {
            continue;
        }
        for _ in 0..2 {
            for q in basis.iter().chain(accepted.iter()) {
                let coefficient = dot(q, &vector);
                for (x, y) in vector.iter_mut().zip(q) {
                    *x -= coefficient * y;
                }
            }
        }
        let remaining = dot(&vector, &vector).sqrt();
        if remaining > DROP_TOLERANCE * initial {
            for x in vector.iter_mut() {
                *x /= remaining;
            }
            accepted.push(vector);
        }
    }
    accepted
}

struct KrylovOutcome {
    pairs: Vec<(f64, Vec<f64>)>,
    iterations: usize,
    converged: bool,
}

/// Linear combination `Σ coefficients[i] · vectors[i]`.
fn combine(vectors: &[Vec<f64>], coefficients: &[f64], length: usize) -> Vec<f64> {
    let mut out = vec![0.0; length];
    for (vector, &c) in vectors.iter().zip(coefficients) {
        for (o, x) in out.iter_mut().zip(vector) {
            *o += c * x;
        }
    }
    out
}

/// Top eigenpairs of `AᵀA` by block Krylov iteration with Rayleigh–Ritz extraction.
fn krylov_pairs(
    matrix: &VoteMatrix,
    table: &[[f64; 3]],
    active: &[usize],
    previous: Option<&[Vec<f64>; N_COMPONENTS]>,
    options: &PcaOptions,
) -> KrylovOutcome {
    let n_columns = table.len();
    let operator = Operator {
        matrix,
        table,
        chunks: row_chunks(matrix, MAX_CHUNKS),
    };
    let is_active = {
        let mut flags = vec![false; n_columns];
        for &column in active {
            flags[column] = true;
        }
        flags
    };

    // Start block: the previous components where they exist, then fixed pseudo-random vectors.
    let mut start: Vec<Vec<f64>> = Vec::new();
    if let Some(previous) = previous {
        for component in previous {
            let vector: Vec<f64> = (0..n_columns)
                .map(|column| {
                    let x = component.get(column).copied().unwrap_or(0.0);
                    if is_active[column] && x.is_finite() {
                        x
                    } else {
                        0.0
                    }
                })
                .collect();
            start.push(vector);
        }
    }
    let mut next_random = 0;
    let missing = BLOCK.saturating_sub(start.len());
    start.extend(random_vectors(n_columns, active, next_random, missing));
    next_random += missing;

    let mut basis: Vec<Vec<f64>> = Vec::new();
    let mut images: Vec<Vec<f64>> = Vec::new();
    // The projected matrix Qᵀ AᵀA Q, row-major, grown as the basis grows.
    let mut projected: Vec<Vec<f64>> = Vec::new();
    let mut block = orthonormalize(start, &basis);
    let mut iterations = 0;
    let mut ritz: Vec<(f64, Vec<f64>)> = Vec::new();
    let mut converged = false;

    while !block.is_empty() && iterations < options.max_iterations {
        let block_images = operator.apply(&block);
        iterations += 1;
        let first_new = basis.len();
        basis.extend(std::mem::take(&mut block));
        images.extend(block_images);
        extend_projection(&mut projected, &basis, &images, first_new);

        let size = basis.len();
        let flat: Vec<f64> = projected.iter().flatten().copied().collect();
        ritz = symmetric_eigen(&flat, size);
        converged = ritz_converged(&ritz, &basis, &images, options.tolerance);
        if converged {
            break;
        }

        // Continue the Krylov sequence from the images of the newest block.
        let mut next = orthonormalize(images[first_new..].to_vec(), &basis);
        if next.is_empty() {
            // The basis looks invariant but the residuals disagree: bring in fresh directions.
            next = orthonormalize(
                random_vectors(n_columns, active, next_random, BLOCK),
                &basis,
            );
            next_random += BLOCK;
            if next.is_empty() {
                // The basis spans every active column: the Ritz pairs are exact.
                converged = true;
                break;
            }
        }
        if basis.len() + next.len() > MAX_BASIS {
            // Thick restart: keep the best Ritz vectors; their images come for free.
            let keep = BLOCK.min(ritz.len());
            let kept: Vec<Vec<f64>> = ritz[..keep]
                .iter()
                .map(|(_, y)| combine(&basis, y, n_columns))
                .collect();
            let kept_images: Vec<Vec<f64>> = ritz[..keep]
                .iter()
                .map(|(_, y)| combine(&images, y, n_columns))
                .collect();
            basis = kept;
            images = kept_images;
            projected.clear();
            extend_projection(&mut projected, &basis, &images, 0);
            next = orthonormalize(images.clone(), &basis);
            if next.is_empty() {
                next = orthonormalize(
                    random_vectors(n_columns, active, next_random, BLOCK),
                    &basis,
                );
                next_random += BLOCK;
            }
        }
        block = next;
    }
    if !converged && !basis.is_empty() {
        // The basis may have changed since the last extraction (restart, or a block that could
        // not be extended); extract again so the pairs belong to the current basis.
        let flat: Vec<f64> = projected.iter().flatten().copied().collect();
        ritz = symmetric_eigen(&flat, basis.len());
        converged = block.is_empty() || ritz_converged(&ritz, &basis, &images, options.tolerance);
    }

    let pairs = ritz
        .iter()
        .take(N_COMPONENTS)
        .map(|(value, y)| (*value, combine(&basis, y, n_columns)))
        .collect();
    KrylovOutcome {
        pairs,
        iterations,
        converged,
    }
}

/// Adds the rows and columns of `Qᵀ AᵀA Q` for basis vectors from `first_new` on.
fn extend_projection(
    projected: &mut Vec<Vec<f64>>,
    basis: &[Vec<f64>],
    images: &[Vec<f64>],
    first_new: usize,
) {
    let size = basis.len();
    for row in projected.iter_mut() {
        row.resize(size, 0.0);
    }
    projected.resize(size, vec![0.0; size]);
    for i in 0..size {
        for j in first_new.max(i)..size {
            // Symmetrise: both products equal the same entry in exact arithmetic.
            let value = 0.5 * (dot(&basis[i], &images[j]) + dot(&basis[j], &images[i]));
            projected[i][j] = value;
            projected[j][i] = value;
        }
    }
}

/// Whether the residuals of the wanted Ritz pairs are below the tolerance.
fn ritz_converged(
    ritz: &[(f64, Vec<f64>)],
    basis: &[Vec<f64>],
    images: &[Vec<f64>],
    tolerance: f64,
) -> bool {
    let Some(&(largest, _)) = ritz.first() else {
        return true;
    };
    if largest <= 0.0 {
        return true;
    }
    let length = basis.first().map_or(0, Vec::len);
    ritz.iter()
        .take(N_COMPONENTS)
        .filter(|(value, _)| *value > RANK_TOLERANCE * largest)
        .all(|(value, y)| {
            let x = combine(basis, y, length);
            let image = combine(images, y, length);
            let residual: f64 = image
                .iter()
                .zip(&x)
                .map(|(w, v)| (w - value * v).powi(2))
                .sum::<f64>()
                .sqrt();
            residual <= tolerance * largest
        })
}

/// Projects every participant (row) onto the components, Pol.is's sparsity-aware way.
///
/// `p_k = Σ (vote − centre)·component_k` over the row's votes, scaled by
/// `sqrt(n_statements / n_votes)` where `n_votes` counts every moderated-out column as voted.
pub fn project_participants(matrix: &VoteMatrix, mod_out: &[bool], pca: &Pca) -> Vec<[f64; 2]> {
    let n_columns = matrix.n_statements();
    let n_out = (0..n_columns).filter(|&c| is_out(mod_out, c)).count();
    let [first, second] = &pca.components;
    (0..matrix.n_participants())
        .into_par_iter()
        .map(|row| {
            let (columns, values) = matrix.row_slices(row);
            let mut point = [0.0, 0.0];
            let mut n_votes = n_out;
            for (&column, &value) in columns.iter().zip(values) {
                let column = column as usize;
                if is_out(mod_out, column) {
                    continue;
                }
                n_votes += 1;
                let centred = f64::from(value) - pca.center[column];
                point[0] += centred * first[column];
                point[1] += centred * second[column];
            }
            let scale = (n_columns as f64 / n_votes.max(1) as f64).sqrt();
            [scale * point[0], scale * point[1]]
        })
        .collect()
}

/// Projects every statement as a virtual participant who agrees with it alone, and returns the
/// projections with their extremities (distance from the origin).
pub fn project_statements(pca: &Pca) -> (Vec<[f64; 2]>, Vec<f64>) {
    let scale = (pca.center.len() as f64).sqrt();
    let [first, second] = &pca.components;
    let projections: Vec<[f64; 2]> = pca
        .center
        .iter()
        .enumerate()
        .map(|(column, &c)| {
            let centred = 1.0 - c;
            [
                scale * (centred * first[column]),
                scale * (centred * second[column]),
            ]
        })
        .collect();
    let extremities = projections
        .iter()
        .map(|p| (p[0] * p[0] + p[1] * p[1]).sqrt())
        .collect();
    (projections, extremities)
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "these results are exact by construction")]
mod tests {
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    use super::*;
    use crate::votes::{ParticipantId, StatementId, Vote, VoteRecord};

    /// Builds a matrix from (participant, statement, vote) triples.
    fn matrix(cells: &[(u32, u32, i8)]) -> VoteMatrix {
        let records: Vec<VoteRecord> = cells
            .iter()
            .map(|&(participant, statement, value)| VoteRecord {
                participant: ParticipantId(participant),
                statement: StatementId(statement),
                vote: Vote::from_value(value).unwrap(),
                timestamp: 0,
            })
            .collect();
        VoteMatrix::from_records(&records)
    }

    fn random_matrix(seed: u64, n: u32, m: u32, density: f64) -> VoteMatrix {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut cells = Vec::new();
        for participant in 0..n {
            // Two latent camps make the top components well separated.
            let camp = if participant % 3 == 0 { 1 } else { -1 };
            for statement in 0..m {
                if rng.random_bool(density) {
                    let lean = if statement % 2 == 0 { camp } else { -camp };
                    let value = if rng.random_bool(0.6) {
                        lean
                    } else {
                        rng.random_range(-1..=1)
                    };
                    cells.push((participant, statement, value));
                }
            }
        }
        matrix(&cells)
    }

    fn with(method: PcaMethod) -> PcaOptions {
        PcaOptions {
            method,
            ..PcaOptions::default()
        }
    }

    fn assert_close(a: &[f64], b: &[f64], tolerance: f64) {
        assert_eq!(a.len(), b.len());
        for (index, (x, y)) in a.iter().zip(b).enumerate() {
            assert!((x - y).abs() <= tolerance, "entry {index}: {x} vs {y}");
        }
    }

    #[test]
    fn no_votes_give_empty_results() {
        let m = matrix(&[]);
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let pca = principal_components(&m, &[], None, &with(method));
            assert!(pca.center.is_empty());
            assert_eq!(pca.n_components(), 0);
            assert!(project_participants(&m, &[], &pca).is_empty());
            assert!(project_statements(&pca).0.is_empty());
        }
    }

    #[test]
    fn a_single_participant_has_no_components() {
        let m = matrix(&[(1, 1, 1), (1, 2, -1), (1, 3, 0)]);
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let pca = principal_components(&m, &[], None, &with(method));
            assert_eq!(pca.center, vec![1.0, -1.0, 0.0]);
            assert_eq!(pca.components, [vec![0.0; 3], vec![0.0; 3]]);
            assert_eq!(project_participants(&m, &[], &pca), vec![[0.0, 0.0]]);
        }
    }

    #[test]
    fn identical_participants_have_no_components() {
        let m = matrix(&[
            (1, 1, 1),
            (1, 2, -1),
            (2, 1, 1),
            (2, 2, -1),
            (3, 1, 1),
            (3, 2, -1),
        ]);
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let pca = principal_components(&m, &[], None, &with(method));
            assert_eq!(pca.n_components(), 0);
            assert!(pca.converged);
        }
    }

    #[test]
    fn a_single_statement_has_one_positive_component() {
        let m = matrix(&[(1, 4, 1), (2, 4, -1), (3, 4, -1)]);
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let pca = principal_components(&m, &[], None, &with(method));
            assert_eq!(pca.n_components(), 1);
            assert_eq!(pca.components, [vec![1.0], vec![0.0]]);
            // Eigenvalue: squared deviations from the mean -1/3.
            let expected = (4.0 / 3.0f64).powi(2) + 2.0 * (2.0 / 3.0f64).powi(2);
            assert!((pca.eigenvalues[0] - expected).abs() < 1e-12);
        }
    }

    #[test]
    fn two_opposed_camps_give_rank_one() {
        let mut cells = Vec::new();
        for participant in 0..10u32 {
            let side = if participant < 4 { 1 } else { -1 };
            for statement in 0..25u32 {
                cells.push((participant, statement, side));
            }
        }
        let m = matrix(&cells);
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let pca = principal_components(&m, &[], None, &with(method));
            assert_eq!(pca.n_components(), 1, "{method:?}");
            assert_close(&pca.components[0], &[0.2; 25], 1e-12);
            assert_eq!(pca.components[1], vec![0.0; 25]);
            assert!(pca.converged);
        }
    }

    #[test]
    fn repeated_eigenvalues_do_not_stall_the_krylov_method() {
        // Every statement is seen by its own pair of opposed participants: AᵀA = 2I.
        let mut cells = Vec::new();
        for statement in 0..40u32 {
            cells.push((2 * statement, statement, 1));
            cells.push((2 * statement + 1, statement, -1));
        }
        let m = matrix(&cells);
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let pca = principal_components(&m, &[], None, &with(method));
            assert!(pca.converged);
            assert_eq!(pca.n_components(), 2);
            for value in pca.eigenvalues {
                assert!((value - 2.0).abs() < 1e-12);
            }
            let [a, b] = &pca.components;
            assert!((dot(a, a) - 1.0).abs() < 1e-12);
            assert!(dot(a, b).abs() < 1e-12);
        }
    }

    #[test]
    fn exactly_low_rank_data_converges_in_few_passes() {
        // Three camps voting identically within each camp: rank 2 after centring.
        let mut cells = Vec::new();
        for participant in 0..90u32 {
            let camp = participant % 3;
            for statement in 0..120u32 {
                let value = match (camp, statement % 3) {
                    (0, _) => 1,
                    (1, 0) => -1,
                    (1, _) => 0,
                    _ => -1,
                };
                cells.push((participant, statement, value));
            }
        }
        let m = matrix(&cells);
        let krylov = principal_components(&m, &[], None, &with(PcaMethod::Krylov));
        let gram = principal_components(&m, &[], None, &with(PcaMethod::Gram));
        assert!(krylov.converged);
        assert!(krylov.iterations <= 3, "{} passes", krylov.iterations);
        assert_eq!(krylov.n_components(), 2);
        for k in 0..2 {
            assert_close(&krylov.components[k], &gram.components[k], 1e-10);
        }
    }

    #[test]
    fn krylov_and_gram_agree_on_random_votes() {
        let m = random_matrix(3, 400, 90, 0.35);
        let gram = principal_components(&m, &[], None, &with(PcaMethod::Gram));
        let krylov = principal_components(&m, &[], None, &with(PcaMethod::Krylov));
        assert!(krylov.converged);
        assert_eq!(gram.method, PcaMethod::Gram);
        assert_eq!(krylov.method, PcaMethod::Krylov);
        for k in 0..2 {
            assert!((gram.eigenvalues[k] / krylov.eigenvalues[k] - 1.0).abs() < 1e-11);
            assert_close(&krylov.components[k], &gram.components[k], 1e-9);
        }
    }

    #[test]
    fn the_components_are_the_top_eigenvectors() {
        // Check A·v directly against the eigen-equation on a dense copy.
        let m = random_matrix(5, 120, 30, 0.5);
        let pca = principal_components(&m, &[], None, &PcaOptions::default());
        for (k, component) in pca.components.iter().enumerate() {
            let mut image = vec![0.0; 30];
            for row in 0..m.n_participants() {
                let product: f64 = m
                    .row(row)
                    .map(|(c, v)| (f64::from(v) - pca.center[c]) * component[c])
                    .sum();
                for (c, v) in m.row(row) {
                    image[c] += (f64::from(v) - pca.center[c]) * product;
                }
            }
            let expected: Vec<f64> = component.iter().map(|x| x * pca.eigenvalues[k]).collect();
            assert_close(&image, &expected, 1e-9 * pca.eigenvalues[0]);
        }
        assert!(pca.eigenvalues[0] >= pca.eigenvalues[1]);
    }

    #[test]
    fn cold_signs_make_the_largest_entry_positive() {
        let m = random_matrix(8, 150, 40, 0.4);
        let pca = principal_components(&m, &[], None, &PcaOptions::default());
        for component in &pca.components {
            let largest = component.iter().fold(0.0f64, |a, x| a.max(x.abs()));
            let first = component.iter().find(|x| x.abs() == largest).unwrap();
            assert!(*first > 0.0);
        }
    }

    #[test]
    fn warm_signs_follow_the_previous_components() {
        let m = random_matrix(8, 150, 40, 0.4);
        let cold = principal_components(&m, &[], None, &PcaOptions::default());
        let flipped = [
            cold.components[0].iter().map(|x| -x).collect::<Vec<_>>(),
            cold.components[1].clone(),
        ];
        for method in [PcaMethod::Gram, PcaMethod::Krylov] {
            let warm = principal_components(&m, &[], Some(&flipped), &with(method));
            assert!(dot(&warm.components[0], &flipped[0]) > 0.99, "{method:?}");
            assert!(dot(&warm.components[1], &flipped[1]) > 0.99, "{method:?}");
        }
        // An all-zero previous component (none existed) leaves the cold rule in charge.
        let zeros = [vec![0.0; 40], vec![0.0; 40]];
        let warm = principal_components(&m, &[], Some(&zeros), &PcaOptions::default());
        assert_close(&warm.components[0], &cold.components[0], 1e-9);
        assert_close(&warm.components[1], &cold.components[1], 1e-9);
    }

    #[test]
    fn moderated_out_columns_are_zero_and_count_as_voted() {
        let m = matrix(&[
            (1, 1, 1),
            (1, 2, 1),
            (2, 1, -1),
            (2, 2, -1),
            (2, 3, 1),
            (3, 1, 1),
            (3, 3, -1),
        ]);
        let mod_out = [false, false, true];
        let pca = principal_components(&m, &mod_out, None, &PcaOptions::default());
        assert_eq!(pca.center[2], 0.0);
        assert_eq!(pca.components[0][2], 0.0);
        assert_eq!(pca.components[1][2], 0.0);
        let projections = project_participants(&m, &mod_out, &pca);
        // Participant 1 (row 0) voted on both active statements; with the moderated-out
        // statement counted as voted, n_votes = 3 = n_cmts and the scale is 1.
        let row = m.row_of(ParticipantId(1)).unwrap();
        let raw: Vec<f64> = (0..2)
            .map(|k| {
                (1.0 - pca.center[0]) * pca.components[k][0]
                    + (1.0 - pca.center[1]) * pca.components[k][1]
            })
            .collect();
        assert_close(&projections[row], &raw, 1e-15);
        // Participant 3 voted on statement 1 and the moderated-out one: n_votes = 2.
        let row = m.row_of(ParticipantId(3)).unwrap();
        let scale = (3.0f64 / 2.0).sqrt();
        let expected: Vec<f64> = (0..2)
            .map(|k| scale * ((1.0 - pca.center[0]) * pca.components[k][0]))
            .collect();
        assert_close(&projections[row], &expected, 1e-15);
    }

    #[test]
    fn statements_project_as_a_lone_agreeing_participant() {
        let m = random_matrix(2, 60, 12, 0.6);
        let pca = principal_components(&m, &[], None, &PcaOptions::default());
        let (projections, extremities) = project_statements(&pca);
        for column in 0..12 {
            let scale = 12f64.sqrt();
            let expected = [
                scale * (1.0 - pca.center[column]) * pca.components[0][column],
                scale * (1.0 - pca.center[column]) * pca.components[1][column],
            ];
            assert_close(&projections[column], &expected, 1e-14);
            let norm = expected[0].hypot(expected[1]);
            assert!((extremities[column] - norm).abs() < 1e-14);
        }
    }

    #[test]
    fn parallel_sums_are_reproducible_bit_for_bit() {
        // Enough votes for several row chunks.
        let m = random_matrix(13, 3000, 40, 0.5);
        assert!(row_chunks(&m, MAX_CHUNKS).len() > 1);
        let first = principal_components(&m, &[], None, &with(PcaMethod::Krylov));
        for _ in 0..3 {
            let again = principal_components(&m, &[], None, &with(PcaMethod::Krylov));
            assert_eq!(first, again);
        }
        let gram = principal_components(&m, &[], None, &with(PcaMethod::Gram));
        assert_eq!(
            gram,
            principal_components(&m, &[], None, &with(PcaMethod::Gram))
        );
    }

    #[test]
    fn centres_are_exact_means_of_observed_votes() {
        let m = matrix(&[(1, 1, 1), (2, 1, 1), (3, 1, -1), (1, 2, 0), (4, 2, 1)]);
        let center = column_centers(&m, &[false, true]);
        assert_eq!(center, vec![1.0 / 3.0, 0.0]);
    }
}
