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
#include "sl-text-label.h"
#include "sl-when-text.h"

/* Side by side from this width; projector-sized type from the next. */
#define WIDE_MIN_WIDTH      1000
#define PROJECTOR_MIN_WIDTH 1600
/* Digits typed within this pause make one number (“12”). */
#define DIGITS_DELAY_MS     1000

typedef struct
{
  SlReviewItem *item;
  GtkWidget    *page;
  GtkLabel     *kind;
  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkBox       *columns;
  GtkBox       *numbers;
  SlDiscussion *discussion;  /* NULL for the KPIs */
  gboolean      stale;
} Slide;

struct _SlReview
{
  GtkWidget      parent_instance;

  GtkLabel      *position_label;
  GtkLabel      *date_label;
  GtkMenuButton *agenda_button;
  GtkListBox    *agenda_list;
  GtkStack      *stack;

  SlWorkspace   *workspace;
  SlViewFilter  *filter;
  GPtrArray     *slides;       /* Slide, in the agenda's order */
  guint          position;
  SlDay          meeting_day;
  GString       *digits;       /* typed so far */
  guint          digits_id;
  guint          layout_id;
  gboolean       wide;
  gboolean       projector;
};

G_DEFINE_FINAL_TYPE (SlReview, sl_review, GTK_TYPE_WIDGET)

enum {
  SIGNAL_LEAVE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* Slides */

static void
slide_free (Slide *slide)
{
  sl_review_item_free (slide->item);
  g_free (slide);
}

static GtkWidget *
create_discussion_column (SlReview *self,
                          Slide    *slide)
{
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  slide->discussion = SL_DISCUSSION (sl_discussion_new ());
  sl_discussion_set_context (slide->discussion, self->workspace);
  sl_discussion_set_target (slide->discussion, slide->item->doc_id);
  sl_discussion_set_meeting_day (slide->discussion, self->meeting_day);
  gtk_box_append (GTK_BOX (column), sl_text_label_new (_("Discussion"), "title-3"));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (slide->discussion));
  gtk_widget_set_hexpand (column, TRUE);
  return column;
}

static Slide *
create_slide (SlReview     *self,
              SlReviewItem *item)
{
  Slide *slide = g_new0 (Slide, 1);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  slide->item = item;
  slide->stale = TRUE;
  slide->kind = GTK_LABEL (sl_text_label_new (NULL, "review-kind"));
  slide->title = GTK_LABEL (sl_text_label_new (NULL, "title-1"));
  slide->subtitle = GTK_LABEL (sl_text_label_new (NULL, "dim-label"));
  slide->columns = GTK_BOX (gtk_box_new (self->wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL, 36));
  slide->numbers = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_hexpand (GTK_WIDGET (slide->numbers), TRUE);
  gtk_box_set_homogeneous (slide->columns, self->wide);
  gtk_widget_set_margin_top (GTK_WIDGET (slide->columns), 18);
  gtk_box_append (slide->columns, GTK_WIDGET (slide->numbers));
  if (item->doc_id != NULL)
    gtk_box_append (slide->columns, create_discussion_column (self, slide));

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->kind));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->subtitle));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (slide->columns));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 36);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  slide->page = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (slide->page), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (slide->page), clamp);
  return slide;
}

static void
refresh_slide (SlReview *self,
               Slide    *slide)
{
  g_autofree char *kind = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  slide->stale = FALSE;
  if (self->workspace == NULL)
    return;
  sl_review_item_describe (slide->item, self->workspace, self->filter, &kind, &title, &subtitle);
  gtk_label_set_label (slide->kind, kind);
  gtk_label_set_label (slide->title, title);
  gtk_label_set_label (slide->subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (slide->subtitle), subtitle != NULL && subtitle[0] != '\0');
  sl_review_fill_numbers (slide->item, self->workspace, self->filter, self->meeting_day, slide->numbers);
}

static Slide *
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
      Slide *slide = g_ptr_array_index (self->slides, i);
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
    }
}

/* Navigation */

void
sl_review_go_to (SlReview *self,
                 guint     position)
{
  Slide *slide;
  GtkWidget *focus;

  g_return_if_fail (SL_IS_REVIEW (self));

  slide = get_slide (self, position);
  if (slide == NULL)
    return;
  if (slide->stale)
    refresh_slide (self, slide);
  self->position = position;
  gtk_stack_set_visible_child (self->stack, slide->page);
  update_header (self);
  /* Keys step the agenda again, not the last item's form. */
  focus = gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (GTK_WIDGET (self))));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, slide->page))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
clear_digits (SlReview *self)
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
      clear_digits (self);
      g_string_append_c (self->digits, '0' + digit);
      number = digit;
    }
  g_clear_handle_id (&self->digits_id, g_source_remove);
  self->digits_id = g_timeout_add (DIGITS_DELAY_MS, digits_timeout_cb, self);
  if (number >= 1 && number <= n)
    sl_review_go_to (self, number - 1);
}

static void
step (SlReview *self,
      int       delta)
{
  if (delta < 0 && self->position == 0)
    return;
  sl_review_go_to (self, self->position + delta);
}

static gboolean
handle_key (SlReview        *self,
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
      g_signal_emit (self, signals[SIGNAL_LEAVE], 0);
      return TRUE;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: case GDK_KEY_space:
      step (self, 1);
      return TRUE;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up:
      step (self, -1);
      return TRUE;
    /* Right to left, the next item is to the left. */
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      step (self, rtl ? -1 : 1);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      step (self, rtl ? 1 : -1);
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

/* Callbacks */

static gboolean
key_pressed_cb (SlReview              *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return handle_key (self, keyval, state);
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
    step (self, 1);
  else if (g_str_equal (action_name, "review.previous"))
    step (self, -1);
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
  Slide *slide;

  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    ((Slide *)g_ptr_array_index (self->slides, i))->stale = TRUE;
  slide = get_slide (self, self->position);
  if (slide != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh_slide (self, slide);
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
  for (guint i = 0; self->slides != NULL && i < self->slides->len; i++)
    {
      Slide *slide = g_ptr_array_index (self->slides, i);

      gtk_orientable_set_orientation (GTK_ORIENTABLE (slide->columns),
                                      self->wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
      gtk_box_set_homogeneous (slide->columns, self->wide);
    }
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

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  /* After this allocation: changing the layout inside one is not allowed. */
  if ((wide != self->wide || projector != self->projector) && self->layout_id == 0)
    self->layout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_layout_cb, self, NULL);
  self->wide = wide;
  self->projector = projector;
}

static void
sl_review_map (GtkWidget *widget)
{
  SlReview *self = SL_REVIEW (widget);
  Slide *slide = get_slide (self, self->position);

  if (slide != NULL && slide->stale)
    refresh_slide (self, slide);
  GTK_WIDGET_CLASS (sl_review_parent_class)->map (widget);
}

/* GObject */

static void
sl_review_dispose (GObject *object)
{
  SlReview *self = (SlReview *)object;
  GtkWidget *child;

  sl_review_set_context (self, NULL, NULL);
  clear_digits (self);
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
      Slide *slide = g_ptr_array_index (self->slides, i);

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
  clear_digits (self);

  self->meeting_day = meeting_day;
  self->position = 0;
  self->slides = g_ptr_array_new_with_free_func ((GDestroyNotify)slide_free);
  items = sl_review_agenda_build (self->workspace, sl_view_filter_get_period (self->filter));
  for (guint i = 0; i < items->len; i++)
    {
      Slide *slide = create_slide (self, g_steal_pointer (&items->pdata[i]));

      g_ptr_array_add (self->slides, slide);
      gtk_stack_add_child (self->stack, slide->page);
    }

  day = sl_when_text_format_day (self->workspace, meeting_day);
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
  Slide *slide;

  g_return_val_if_fail (SL_IS_REVIEW (self), NULL);

  slide = get_slide (self, position);
  return slide != NULL ? slide->item->doc_id : NULL;
}

SlDiscussion *
sl_review_get_discussion (SlReview *self)
{
  Slide *slide;

  g_return_val_if_fail (SL_IS_REVIEW (self), NULL);

  slide = get_slide (self, self->position);
  return slide != NULL ? slide->discussion : NULL;
}
