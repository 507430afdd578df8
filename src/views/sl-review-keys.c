/* sl-review-keys.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlReview: the keys of a meeting. They reach the review after the
 * focused widget, so that a comment being written keeps its own. */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include "sl-review-private.h"

/* Digits typed within this pause make one number (“12”). */
#define DIGITS_DELAY_MS 1000

void
sl_review_clear_digits (SlReview *self)
{
  g_string_truncate (self->digits, 0);
  g_clear_handle_id (&self->digits_id, g_source_remove);
}

static gboolean
digits_timeout_cb (gpointer data)
{
  SlReview *self = data;

  self->digits_id = 0;
  g_string_truncate (self->digits, 0);
  return G_SOURCE_REMOVE;
}

/* “1” goes to the first item; “1” then “2” soon after, to the twelfth. */
static void
type_digit (SlReview *self,
            int       digit)
{
  guint n = self->slides != NULL ? self->slides->len : 0;
  guint64 number;

  g_string_append_c (self->digits, '0' + digit);
  number = g_ascii_strtoull (self->digits->str, NULL, 10);
  if (number < 1 || number > n)
    {
      sl_review_clear_digits (self);
      g_string_append_c (self->digits, '0' + digit);
      number = digit;
    }
  g_clear_handle_id (&self->digits_id, g_source_remove);
  self->digits_id = g_timeout_add (DIGITS_DELAY_MS, digits_timeout_cb, self);
  if (number >= 1 && number <= n)
    sl_review_go_to (self, number - 1);
}

void
sl_review_step (SlReview *self,
                int       delta)
{
  if (delta < 0 && self->position == 0)
    return;
  sl_review_go_to (self, self->position + delta);
}

gboolean
sl_review_handle_key (SlReview        *self,
                      guint            keyval,
                      GdkModifierType  state)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int digit;

  state &= gtk_accelerator_get_default_mod_mask ();
  if (state == GDK_CONTROL_MASK && (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter))
    {
      SlDiscussion *discussion = sl_review_get_discussion (self);

      if (discussion != NULL)
        sl_discussion_send (discussion);
      return TRUE;
    }
  if (state != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      g_signal_emit_by_name (self, "leave");
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: case GDK_KEY_space:
      sl_review_step (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      sl_review_step (self, -1);
      return TRUE;
    /* Right to left, the next item is to the left. */
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      sl_review_step (self, rtl ? -1 : 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      sl_review_step (self, rtl ? 1 : -1);
      return TRUE;
    case GDK_KEY_Home: case GDK_KEY_KP_Home:
      sl_review_go_to (self, 0);
      return TRUE;
    case GDK_KEY_End: case GDK_KEY_KP_End:
      if (self->slides != NULL && self->slides->len > 0)
        sl_review_go_to (self, self->slides->len - 1);
      return TRUE;
    default:
      break;
    }
  /* Any script's digits: ۳ as well as 3. */
  digit = g_unichar_digit_value (gdk_keyval_to_unicode (keyval));
  if (digit < 0)
    return FALSE;
  type_digit (self, digit);
  return TRUE;
}
