/* sl-window-review.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* SlWindow: the review meeting. F5 (win.review) puts its agenda full
 * screen in place of the workspace, for the filter's period, on today's
 * date; Escape or Leave comes back to where the user was. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include "sl-window-private.h"

static void
review_leave_cb (SlWindow *self)
{
  sl_window_leave_review (self);
}

/* Made the first time a meeting starts. */
static SlReview *
ensure_review (SlWindow *self)
{
  if (self->review == NULL)
    {
      self->review = SL_REVIEW (sl_review_new ());
      gtk_widget_set_name (GTK_WIDGET (self->review), "review");
      g_signal_connect_object (self->review, "leave", G_CALLBACK (review_leave_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->review), "review");
    }
  return self->review;
}

gboolean
sl_window_get_reviewing (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "review") == 0;
}

SlReview *
sl_window_get_review (SlWindow *self)
{
  g_return_val_if_fail (SL_IS_WINDOW (self), NULL);
  return self->review;
}

void
sl_window_enter_review (SlWindow *self)
{
  SlReview *review;

  g_return_if_fail (SL_IS_WINDOW (self));

  if (self->workspace == NULL || sl_window_get_reviewing (self))
    return;
  review = ensure_review (self);
  sl_review_set_context (review, self->workspace, self->filter);
  sl_review_start (review, sl_day_today ());
  self->review_was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  gtk_stack_set_visible_child_name (self->main_stack, "review");
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (review));
}

void
sl_window_leave_review (SlWindow *self)
{
  g_return_if_fail (SL_IS_WINDOW (self));

  if (!sl_window_get_reviewing (self))
    return;
  sl_window_show_main_page (self);
  if (!self->review_was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));
  /* The next meeting makes its agenda anew. */
  sl_review_set_context (self->review, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
}

static void
review_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SlWindow *self = SL_WINDOW (widget);

  if (sl_window_get_reviewing (self))
    sl_window_leave_review (self);
  else
    sl_window_enter_review (self);
}

void
sl_window_class_add_review_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.review", NULL, review_action_cb);
}
