/* test-rev-id.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sl-rev-id.h"

static void
test_parse (void)
{
  SlRevId rev;
  g_autofree char *long_hash = g_strnfill (SL_REV_ID_MAX_HASH, 'a');
  g_autofree char *too_long = g_strnfill (SL_REV_ID_MAX_HASH + 1, 'a');
  g_autofree char *longest = g_strdup_printf ("1-%s", long_hash);
  g_autofree char *over = g_strdup_printf ("1-%s", too_long);
  const char * const bad[] = {
    "", "-", "1", "1-", "0-1", "01-a", "-1-a", "a-1", "1-a b", "1-a\"", "1-a-b",
    "2147483648-a", "99999999999999999999-a", "1--a", " 1-a", "1-\xc3\xa9",
  };

  g_assert_true (sl_rev_id_parse ("1-967a00dff5e02add41819138abb3284d", &rev));
  g_assert_cmpuint (rev.generation, ==, 1);
  g_assert_cmpstr (rev.hash, ==, "967a00dff5e02add41819138abb3284d");

  g_assert_true (sl_rev_id_parse ("2147483647-X", &rev));
  g_assert_cmpuint (rev.generation, ==, G_MAXINT32);
  g_assert_cmpstr (rev.hash, ==, "X");

  g_assert_true (sl_rev_id_parse (longest, &rev));
  g_assert_false (sl_rev_id_parse (over, &rev));
  g_assert_false (sl_rev_id_parse (NULL, &rev));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (sl_rev_id_parse (bad[i], &rev));
    }
}

static int
compare_text (const char *a,
              const char *b)
{
  SlRevId ra, rb;

  g_assert_true (sl_rev_id_parse (a, &ra));
  g_assert_true (sl_rev_id_parse (b, &rb));
  return sl_rev_id_compare (&ra, &rb);
}

static void
test_compare (void)
{
  /* The higher generation wins, whatever the hashes. */
  g_assert_cmpint (compare_text ("3-aaaa", "2-ffff"), <, 0);
  g_assert_cmpint (compare_text ("2-ffff", "3-aaaa"), >, 0);
  /* 10 beats 9: numbers, not text. */
  g_assert_cmpint (compare_text ("10-a", "9-b"), <, 0);
  /* Ties go to the greater hash (the contract's 2-bbbb over 2-900a). */
  g_assert_cmpint (compare_text ("2-bbbb", "2-900a"), <, 0);
  g_assert_cmpint (compare_text ("2-900a", "2-bbbb"), >, 0);
  g_assert_cmpint (compare_text ("2-abc", "2-abc"), ==, 0);
}

static void
test_format (void)
{
  g_autofree char *text = sl_rev_id_format (12, "abc");
  SlRevId rev;

  g_assert_cmpstr (text, ==, "12-abc");
  g_assert_true (sl_rev_id_parse (text, &rev));
  g_assert_cmpuint (rev.generation, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rev-id/parse", test_parse);
  g_test_add_func ("/core/rev-id/compare", test_compare);
  g_test_add_func ("/core/rev-id/format", test_format);

  return g_test_run ();
}
