/**
 * Sobol direction numbers of Joe & Kuo: the first 40 dimensions (as many as the model has inputs,
 * INPUT_KEYS.length) of `new-joe-kuo-6.21201`, S. Joe and F. Y. Kuo, "Constructing Sobol sequences
 * with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, file from
 * https://web.maths.unsw.edu.au/~fkuo/sobol/ (lines d = 2…40; dimension 1 is the van der Corput
 * sequence, every m_i = 1, and has no line). Copied from the same table as scipy ships it
 * (scipy/stats/_sobol_direction_numbers.npz, `poly` and `vinit`, scipy 1.17.1), converted back to
 * the file's columns: d, s (the primitive polynomial's degree), a (its inner coefficients as bits),
 * m_1 … m_s (the initial direction numbers). test/sampling/sobol-points.test.ts compares it with a second
 * public copy of the file's first lines and the generated points with scipy's.
 */
import { deepFrozen } from '../frozen.js';
export const JOE_KUO_HEADER = 'd       s       a       m_i';

export const JOE_KUO_LINES: readonly string[] = deepFrozen([
  '2       1       0       1',
  '3       2       1       1 3',
  '4       3       1       1 3 1',
  '5       3       2       1 1 1',
  '6       4       1       1 1 3 3',
  '7       4       4       1 3 5 13',
  '8       5       2       1 1 5 5 17',
  '9       5       4       1 1 5 5 5',
  '10      5       7       1 1 7 11 19',
  '11      5       11      1 1 5 1 1',
  '12      5       13      1 1 1 3 11',
  '13      5       14      1 3 5 5 31',
  '14      6       1       1 3 3 9 7 49',
  '15      6       13      1 1 1 15 21 21',
  '16      6       16      1 3 1 13 27 49',
  '17      6       19      1 1 1 15 7 5',
  '18      6       22      1 3 1 15 13 25',
  '19      6       25      1 1 5 5 19 61',
  '20      7       1       1 3 7 11 23 15 103',
  '21      7       4       1 3 7 13 13 15 69',
  '22      7       7       1 1 3 13 7 35 63',
  '23      7       8       1 3 5 9 1 25 53',
  '24      7       14      1 3 1 13 9 35 107',
  '25      7       19      1 3 1 5 27 61 31',
  '26      7       21      1 1 5 11 19 41 61',
  '27      7       28      1 3 5 3 3 13 69',
  '28      7       31      1 1 7 13 1 19 1',
  '29      7       32      1 3 7 5 13 19 59',
  '30      7       37      1 1 3 9 25 29 41',
  '31      7       41      1 3 5 13 23 1 55',
  '32      7       42      1 3 7 3 13 59 17',
  '33      7       50      1 3 1 3 5 53 69',
  '34      7       55      1 1 5 5 23 33 13',
  '35      7       56      1 1 7 7 1 61 123',
  '36      7       59      1 1 7 9 13 61 49',
  '37      7       62      1 3 3 5 3 55 33',
  '38      8       14      1 3 1 15 31 13 49 245',
  '39      8       21      1 3 5 15 31 59 63 97',
  '40      8       22      1 3 1 11 11 11 77 249',
]);
