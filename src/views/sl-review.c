/* sl-review.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sl-review-private.h"
#include "sl-view-text.h"

/* Side by side from this width; projector-sized type from the next.
 * Below the compact width (a phone), the type is smaller, so that a
 * figure of twelve digits fits its card on one line. */
#define COMPACT_MAX_WIDTH   600
#define WIDE_MIN_WIDTH      1000
#define PROJECTOR_MIN_WIDTH 1600


G_DEFINE_FINAL_TYPE (SlReview, sl_review, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LEAVE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static SlReviewSlide *
get_slide (SlReview *self,
           guint     position)
{
  if (self->slides == NULL || position >= self->slides->len)
    return NULL;
  return g_ptr_array_index (self->slides, position);
}

/* Header and agenda */

static void
update_header (SlReview *self)
{
  guint n = self->slides != NULL ? self->slides->len : 0;
  g_autofree char *number = sl_number_format (self->position + 1, 0, NULL);
  g_autofree char *total = sl_number_format (n, 0, NULL);
  g_autofree char *text = NULL;

  /* Translators: the agenda item shown and how many there are, e.g. “3 of 9” */
  text = g_strdup_printf (_("%s of %s"), number, total);
  gtk_label_set_label (self->position_label, n > 0 ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next", self->position + 1 < n);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.first", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.last", n > 0);
}

static void
rebuild_agenda_list (SlReview *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, row);
  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    {
      SlReviewSlide *slide = g_ptr_array_index (self->slides, i);
      g_autofree char *kind = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *number = sl_number_format (i + 1, 0, NULL);
      g_autofree char *text = NULL;
      GtkWidget *label;

      sl_review_item_describe (slide->item, self->workspace, self->filter, &kind, &title, &subtitle);
      /* Translators: an agenda item: its number, what kind it is and its title, e.g. “3. Loss: Trade show” */
      text = g_strdup_printf (_("%s. %s: %s"), number, kind, title);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      gtk_list_box_append (self->agenda_list, label);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    }
}

/* Navigation */

void
sl_review_go_to (SlReview *self,
                 guint     position)
{
  SlReviewSlide *slide;
  GtkWidget *focus;

  g_return_if_fail (SL_IS_REVIEW (self));

  slide = get_slide (self, position);
  if (slide == NULL)
    return;
  if (slide->stale)
    sl_review_slide_refresh (slide, self->workspace, self->filter, self->meeting_day);
  self->position = position;
  /* Tab goes through the shown item only: GTK 4.8 would also walk the
   * stack's hidden pages, and lose the focus there. */
  for (guint i = 0; i < self->slides->len; i++)
    {
      SlReviewSlide *other = g_ptr_array_index (self->slides, i);

      gtk_widget_set_can_focus (other->page, other == slide);
    }
  gtk_stack_set_visible_child (self->stack, slide->page);
  update_header (self);
  /* Keys step the agenda again, not the last item's form. */
  focus = gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (GTK_WIDGET (self))));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, slide->page))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Callbacks */

static gboolean
key_pressed_cb (SlReview              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return sl_review_handle_key (self, keyval, state);
}

static void
agenda_row_activated_cb (SlReview      *self,
                         GtkListBoxRow *row)
{
  gtk_menu_button_popdown (self->agenda_button);
  sl_review_go_to (self, gtk_list_box_row_get_index (row));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
navigate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SlReview *self = SL_REVIEW (widget);

  if (g_str_equal (action_name, "review.next"))
    sl_review_step (self, 1);
  else if (g_str_equal (action_name, "review.previous"))
    sl_review_step (self, -1);
  else if (g_str_equal (action_name, "review.first"))
    sl_review_go_to (self, 0);
  else if (self->slides != NULL && self->slides->len > 0)
    sl_review_go_to (self, self->slides->len - 1);
}

static void
leave_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_LEAVE], 0);
}

/* What was shown may have changed: the item shown now, the others
 * when they are shown. */
static void
workspace_changed_cb (SlReview *self)
{
  SlReviewSlide *slide;

  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    ((SlReviewSlide *)g_ptr_array_index (self->slides, i))->stale = TRUE;
  slide = get_slide (self, self->position);
  if (slide != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    sl_review_slide_refresh (slide, self->workspace, self->filter, self->meeting_day);
}

static gboolean
apply_layout_cb (gpointer data)
{
  SlReview *self = data;

  self->layout_id = 0;
  if (self->projector)
    gtk_widget_add_css_class (GTK_WIDGET (self), "projector");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "projector");
  if (self->compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    sl_review_slide_set_wide (g_ptr_array_index (self->slides, i), self->wide);
  return G_SOURCE_REMOVE;
}

/* GtkWidget */

/* Sized as its child is, without a layout manager: allocating it, the
 * review learns the width it has. */
static GtkSizeRequestMode
sl_review_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
sl_review_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
sl_review_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  SlReview *self = SL_REVIEW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean wide = width >= WIDE_MIN_WIDTH;
  gboolean projector = width >= PROJECTOR_MIN_WIDTH;
  gboolean compact = width < COMPACT_MAX_WIDTH;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  /* After this allocation: changing the layout inside one is not allowed. */
  if ((wide != self->wide || projector != self->projector || compact != self->compact) && self->layout_id == 0)
    self->layout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self, NULL);
  self->wide = wide;
  self->projector = projector;
  self->compact = compact;
}

static void
sl_review_map (GtkWidget *widget)
{
  SlReview *self = SL_REVIEW (widget);
  SlReviewSlide *slide = get_slide (self, self->position);

  if (slide != NULL && slide->stale)
    sl_review_slide_refresh (slide, self->workspace, self->filter, self->meeting_day);
  GTK_WIDGET_CLASS (sl_review_parent_class)->map (widget);
}

/* GObject */

static void
sl_review_dispose (GObject *object)
{
  SlReview *self = (SlReview *)object;
  GtkWidget *child;

  sl_review_set_context (self, NULL, NULL);
  sl_review_clear_digits (self);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_REVIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sl_review_parent_class)->dispose (object);
}

static void
sl_review_finalize (GObject *object)
{
  SlReview *self = (SlReview *)object;

  g_string_free (self->digits, TRUE);

  G_OBJECT_CLASS (sl_review_parent_class)->finalize (object);
}

static void
sl_review_class_init (SlReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_review_dispose;
  object_class->finalize = sl_review_finalize;
  widget_class->get_request_mode = sl_review_get_request_mode;
  widget_class->measure = sl_review_measure;
  widget_class->size_allocate = sl_review_size_allocate;
  widget_class->map = sl_review_map;

  /* The user asked to leave the meeting (Escape, the Leave button). */
  signals[SIGNAL_LEAVE] =
    g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-review.ui");
  gtk_widget_class_bind_template_child (widget_class, SlReview, position_label);
  gtk_widget_class_bind_template_child (widget_class, SlReview, date_label);
  gtk_widget_class_bind_template_child (widget_class, SlReview, agenda_button);
  gtk_widget_class_bind_template_child (widget_class, SlReview, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, SlReview, stack);
  gtk_widget_class_bind_template_callback (widget_class, agenda_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "review.next", NULL, navigate_action_cb);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL, navigate_action_cb);
  gtk_widget_class_install_action (widget_class, "review.first", NULL, navigate_action_cb);
  gtk_widget_class_install_action (widget_class, "review.last", NULL, navigate_action_cb);
  gtk_widget_class_install_action (widget_class, "review.leave", NULL, leave_action_cb);
  gtk_widget_class_set_css_name (widget_class, "review");
}

static void
sl_review_init (SlReview *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->digits = g_string_new (NULL);
  self->meeting_day = SL_DAY_INVALID;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* After the focused widget: a comment takes the keys typed into it. */
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  update_header (self);
}

/* Public API */

GtkWidget *
sl_review_new (void)
{
  return g_object_new (SL_TYPE_REVIEW, NULL);
}

void
sl_review_set_context (SlReview     *self,
                       SlWorkspace  *workspace,
                       SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_REVIEW (self));
  g_return_if_fail ((workspace == NULL) == (filter == NULL));

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->filter, filter);
  if (workspace != NULL)
    g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb),
                             self, G_CONNECT_SWAPPED);
  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    {
      SlReviewSlide *slide = g_ptr_array_index (self->slides, i);

      slide->stale = TRUE;
      if (slide->discussion != NULL)
        sl_discussion_set_context (slide->discussion, workspace);
    }
}

void
sl_review_start (SlReview *self,
                 SlDay     meeting_day)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  GtkWidget *child;

  g_return_if_fail (SL_IS_REVIEW (self));
  g_return_if_fail (self->workspace != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stack))) != NULL)
    gtk_stack_remove (self->stack, child);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  sl_review_clear_digits (self);

  self->meeting_day = meeting_day;
  self->position = 0;
  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify)sl_review_slide_free);
  items = sl_review_agenda_build (self->workspace, sl_view_filter_get_period (self->filter));
  for (guint i = 0; i < items->len; i++)
    {
      SlReviewSlide *slide = sl_review_slide_new (g_steal_pointer (&items->pdata[i]), self->workspace,
                                                  self->meeting_day, self->wide);

      g_ptr_array_add (self->slides, slide);
      gtk_stack_add_child (self->stack, slide->page);
    }

  day = sl_view_format_day (self->workspace, meeting_day);
  /* Translators: %s is the day of the review meeting */
  date = g_strdup_printf (_("Review meeting of %s"), day);
  gtk_label_set_label (self->date_label, date);
  rebuild_agenda_list (self);
  sl_review_go_to (self, 0);
}

SlDay
sl_review_get_meeting_day (SlReview *self)
{
  g_return_val_if_fail (SL_IS_REVIEW (self), SL_DAY_INVALID);
  return self->meeting_day;
}

guint
sl_review_get_n_items (SlReview *self)
{
  g_return_val_if_fail (SL_IS_REVIEW (self), 0);
  return self->slides != NULL ? self->slides->len : 0;
}

guint
sl_review_get_position (SlReview *self)
{
  g_return_val_if_fail (SL_IS_REVIEW (self), 0);
  return self->position;
}

const char *
sl_review_get_item_target (SlReview *self,
                           guint     position)
{
  SlReviewSlide *slide;

  g_return_val_if_fail (SL_IS_REVIEW (self), NULL);

  slide = get_slide (self, position);
  return slide != NULL ? slide->item->doc_id : NULL;
}

SlDiscussion *
sl_review_get_discussion (SlReview *self)
{
  SlReviewSlide *slide;

  g_return_val_if_fail (SL_IS_REVIEW (self), NULL);

  slide = get_slide (self, self->position);
  return slide != NULL ? slide->discussion : NULL;
}
