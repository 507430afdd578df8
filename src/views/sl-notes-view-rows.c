/* sl-notes-view-rows.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A row of the Wins & Losses page: the annotation's kind, title, where,
 * when and who; opened, what it says, its plan, goal and outcome, the
 * figures it cites as written beside today's, and what can be done. */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-annotation-snapshot.h"
#include "sl-collab-common.h"
#include "sl-notes-view-private.h"
#include "sl-workspace-annotations.h"
#include "sl-workspace-goals.h"
#include "sl-collab.h"
#include "sl-discussion.h"

static const struct
{
  const char *kind;
  const char *css_class;
} kind_classes[] = {
  { SL_ANNOTATION_WIN, "success" },
  { SL_ANNOTATION_LOSS, "error" },
  { SL_ANNOTATION_EXPERIMENT, "accent" },
  { SL_ANNOTATION_UNEXPECTED_EXPENSE, "warning" },
};

static SlAnnotation *
row_annotation (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "annotation");
}

gint64
sl_notes_view_row_get_id (GtkWidget *row)
{
  return sl_record_get_id (SL_RECORD (row_annotation (row)));
}

/* “Win · Search › Brand · March 2025 · Dana, Nov 23, 2025” */
static char *
dup_subtitle (SlNotesView  *self,
              SlAnnotation *annotation)
{
  g_autofree char *scope = sl_collab_format_scope (self->workspace, sl_annotation_get_channel_id (annotation),
                                                   sl_annotation_get_campaign_id (annotation));
  g_autofree char *days = sl_collab_format_range (self->workspace, sl_annotation_get_first_day (annotation),
                                                  sl_annotation_get_last_day (annotation));
  g_autofree char *written = sl_collab_format_day (self->workspace, sl_annotation_get_created_at (annotation));
  /* Translators: who wrote an annotation and on which day, e.g. “Dana, Nov 23, 2025” */
  g_autofree char *by = g_strdup_printf (_("%s, %s"), sl_annotation_get_author (annotation), written);

  return g_strjoin (" · ", sl_annotation_kind_get_label (sl_annotation_get_kind (annotation)), scope, days, by,
                    NULL);
}

static void
expanded_cb (GtkWidget   *row,
             GParamSpec  *pspec,
             SlNotesView *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    sl_notes_view_fill_row (self, row);
}

GtkWidget *
sl_notes_view_create_row (SlNotesView  *self,
                          SlAnnotation *annotation)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (sl_annotation_kind_get_icon_name (sl_annotation_get_kind (annotation)));
  g_autofree char *subtitle = dup_subtitle (self, annotation);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sl_annotation_get_title (annotation));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sl_annotation_kind_get_label (sl_annotation_get_kind (annotation)), -1);
  for (guint i = 0; i < G_N_ELEMENTS (kind_classes); i++)
    if (g_strcmp0 (kind_classes[i].kind, sl_annotation_get_kind (annotation)) == 0)
      gtk_widget_add_css_class (icon, kind_classes[i].css_class);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  return row;
}

/* The comments and decisions on the annotation, and a way to add one. */
static void
add_discussion_row (SlNotesView  *self,
                    GtkWidget    *row,
                    SlAnnotation *annotation)
{
  g_autofree char *target = sl_collab_doc_id ("annotation", sl_record_get_uuid (SL_RECORD (annotation)));
  GtkWidget *discussion = sl_discussion_new ();
  GtkWidget *child = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
  gtk_widget_set_margin_top (discussion, 12);
  gtk_widget_set_margin_bottom (discussion, 12);
  gtk_widget_set_margin_start (discussion, 12);
  gtk_widget_set_margin_end (discussion, 12);
  sl_discussion_set_context (SL_DISCUSSION (discussion), self->workspace);
  sl_discussion_set_target (SL_DISCUSSION (discussion), target);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (child), discussion);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
}

static void
add_text_row (GtkWidget  *row,
              const char *title,
              const char *text)
{
  GtkWidget *child;

  if (text == NULL || *text == '\0')
    return;
  child = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (child), text);
  gtk_widget_add_css_class (child, "property");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
}

static void
add_kind_rows (SlNotesView  *self,
               GtkWidget    *row,
               SlAnnotation *annotation)
{
  const char *kind = sl_annotation_get_kind (annotation);
  SlGoal *goal = sl_goal_store_lookup (sl_workspace_get_goals (self->workspace), sl_annotation_get_goal_id (annotation));
  SlReallocPlan *plan = sl_realloc_plan_store_lookup (sl_workspace_get_realloc_plans (self->workspace),
                                                      sl_annotation_get_plan_id (annotation));

  add_text_row (row, _("What happened"), sl_annotation_get_body (annotation));
  if (g_str_equal (kind, SL_ANNOTATION_EXPERIMENT))
    {
      const char *actual = sl_annotation_get_actual_outcome (annotation);

      add_text_row (row, _("Hypothesis"), sl_annotation_get_hypothesis (annotation));
      add_text_row (row, _("Expected outcome"), sl_annotation_get_expected_outcome (annotation));
      add_text_row (row, _("Actual outcome"), actual != NULL ? actual : _("Not recorded yet"));
    }
  if (g_str_equal (kind, SL_ANNOTATION_LOSS))
    add_text_row (row, _("Next steps"), sl_annotation_get_next_steps (annotation));
  if (plan != NULL)
    {
      /* Translators: a reallocation plan's title and status, e.g. “Out of Search (Draft)” */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), sl_realloc_plan_get_title (plan),
                                               sl_realloc_plan_get_status_label (plan));

      add_text_row (row, _("Reallocation plan"), text);
    }
  if (sl_annotation_get_currency (annotation) != NULL)
    {
      SlMoney amount;
      g_autofree char *text = NULL;

      sl_money_init (&amount, sl_annotation_get_amount_minor (annotation), sl_annotation_get_currency (annotation));
      text = sl_money_format (&amount, NULL);
      add_text_row (row, _("Amount"), text);
    }
  if (goal != NULL)
    add_text_row (row, _("Goal"), sl_goal_get_objective (goal));
}

/* Each figure as written beside today's, over the same days. */
static GtkWidget *
create_figures (SlNotesView  *self,
                GtkWidget    *row,
                SlAnnotation *annotation)
{
  g_autoptr(SlMetrics) metrics = sl_metrics_new (sl_workspace_get_database (self->workspace));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) figures = sl_annotation_snapshot_compare (metrics, annotation,
                                                              sl_workspace_get_calendar (self->workspace), &error);
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  if (figures == NULL)
    {
      g_warning ("Could not read an annotation's figures: %s", error->message);
      gtk_grid_attach (GTK_GRID (grid), sl_collab_new_label (_("The figures it cites cannot be read."), "warning"), 0, 0, 3, 1);
      return grid;
    }
  gtk_grid_attach (GTK_GRID (grid), sl_collab_new_label (_("Figure"), "heading"), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), sl_collab_new_label (_("When written"), "heading"), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), sl_collab_new_label (_("Today"), "heading"), 2, 0, 1, 1);
  for (guint i = 0; i < figures->len; i++)
    {
      const SlSnapshotRow *figure = &g_array_index (figures, SlSnapshotRow, i);
      g_autofree char *then = sl_metric_value_format (&figure->then, NULL);
      g_autofree char *now = sl_metric_value_format (&figure->now, NULL);
      g_autofree char *then_key = g_strdup_printf ("then-%s", sl_metric_to_string (figure->metric));
      g_autofree char *now_key = g_strdup_printf ("now-%s", sl_metric_to_string (figure->metric));
      GtkWidget *then_label = sl_collab_new_label (then, "numeric");
      GtkWidget *now_label = sl_collab_new_label (now, "numeric");

      if (sl_metric_value_compare (&figure->then, &figure->now) != 0)
        gtk_widget_add_css_class (now_label, "accent");
      gtk_grid_attach (GTK_GRID (grid), sl_collab_new_label (sl_metric_get_label (figure->metric), NULL), 0, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), then_label, 1, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), now_label, 2, i + 1, 1, 1);
      g_object_set_data (G_OBJECT (row), then_key, then_label);
      g_object_set_data (G_OBJECT (row), now_key, now_label);
    }
  return grid;
}

/* @child in a row of its own at the end of @row, not activatable. */
static void
add_plain_row (GtkWidget *row,
               GtkWidget *child,
               int        margin)
{
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_margin_top (child, margin);
  gtk_widget_set_margin_bottom (child, margin);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), child);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), list_row);
}

static void
add_figures_row (SlNotesView  *self,
                 GtkWidget    *row,
                 SlAnnotation *annotation)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = sl_collab_new_label (_("The figures it cites, as they were when it was written and as "
                                              "today’s figures have them for the same days and channel."),
                                            "dim-label");

  gtk_widget_add_css_class (caption, "caption");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), create_figures (self, row, annotation));
  add_plain_row (row, box, 12);
}

static void
add_buttons_row (SlNotesView  *self,
                 GtkWidget    *row,
                 SlAnnotation *annotation)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gint64 id = sl_record_get_id (SL_RECORD (annotation));
  gboolean own = g_strcmp0 (sl_annotation_get_author (annotation), sl_workspace_get_author (self->workspace)) == 0 &&
                 !sl_annotation_get_read_only (annotation) &&
                 sl_workspace_get_user_role (self->workspace) != SL_USER_ROLE_VIEWER;
  GtkWidget *button;

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  if (own && g_str_equal (sl_annotation_get_kind (annotation), SL_ANNOTATION_EXPERIMENT) &&
      sl_annotation_get_actual_outcome (annotation) == NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Record Outcome…"));
      gtk_box_append (GTK_BOX (box), sl_collab_set_id_action (button, "notes.outcome", id));
    }
  button = gtk_button_new_with_mnemonic (own ? _("_Edit…") : _("_View…"));
  gtk_box_append (GTK_BOX (box), sl_collab_set_id_action (button, "notes.edit", id));
  if (own)
    {
      button = gtk_button_new_with_mnemonic (_("_Delete"));
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_box_append (GTK_BOX (box), sl_collab_set_id_action (button, "notes.delete", id));
    }
  add_plain_row (row, box, 6);
}

void
sl_notes_view_fill_row (SlNotesView *self,
                        GtkWidget   *row)
{
  SlAnnotation *annotation = row_annotation (row);

  if (g_object_get_data (G_OBJECT (row), "filled") != NULL || self->workspace == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "filled", GINT_TO_POINTER (TRUE));
  add_kind_rows (self, row, annotation);
  add_figures_row (self, row, annotation);
  add_buttons_row (self, row, annotation);
  add_discussion_row (self, row, annotation);
}
