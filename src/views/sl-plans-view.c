/* sl-plans-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-plans-view.h"
#include "sl-view.h"
#include "sl-view-text.h"
#include "sl-workspace-realloc.h"

struct _SlPlansView
{
  AdwBin        parent_instance;

  GtkStack     *stack;
  GtkListBox   *list;
  GtkLabel     *list_error;
  SlPlanner    *planner;

  SlWorkspace  *workspace;
  GHashTable   *moved;   /* plan id (gint64 *) → money its lines move (gint64 *) */
  gboolean      stale;
};

static void sl_plans_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlPlansView, sl_plans_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_plans_view_view_iface_init))

/* What each plan's lines move, summed once per refresh. */
static void
sum_moved (SlPlansView *self)
{
  GListModel *lines = G_LIST_MODEL (sl_workspace_get_realloc_lines (self->workspace));

  g_hash_table_remove_all (self->moved);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(SlReallocLine) line = g_list_model_get_item (lines, i);
      gint64 plan_id = sl_realloc_line_get_plan_id (line);
      gint64 *sum = g_hash_table_lookup (self->moved, &plan_id);

      if (sum == NULL)
        {
          gint64 *key = g_memdup2 (&plan_id, sizeof plan_id);

          sum = g_new0 (gint64, 1);
          g_hash_table_insert (self->moved, key, sum);
        }
      if (!sl_int64_add_checked (*sum, sl_realloc_line_get_amount_minor (line), sum))
        *sum = G_MAXINT64;
    }
}

/* "By Ana · scenario “Q4 options”" over "$5,000.00 moved · $1,000.00
 * from the reserve". */
static char *
dup_subtitle (SlPlansView   *self,
              SlReallocPlan *plan)
{
  gint64 id = sl_record_get_id (SL_RECORD (plan));
  gint64 *moved = g_hash_table_lookup (self->moved, &id);
  const char *group = sl_realloc_plan_get_scenario_group (plan);
  g_autofree char *moved_text = sl_view_format_money (self->workspace, moved != NULL ? *moved : 0);
  g_autofree char *draw_text = sl_view_format_money (self->workspace, sl_realloc_plan_get_reserve_draw_minor (plan));
  g_autofree char *byline = NULL, *amounts = NULL, *text = NULL;

  if (group != NULL)
    /* Translators: the first %s is a person, the second a scenario group's name */
    byline = g_strdup_printf (_("By %s · scenario “%s”"), sl_realloc_plan_get_author (plan), group);
  else
    /* Translators: %s is a person */
    byline = g_strdup_printf (_("By %s"), sl_realloc_plan_get_author (plan));
  /* Translators: the money a plan moves between channels and months, then what it takes from the reserve */
  amounts = g_strdup_printf (_("%s moved · %s from the reserve"), moved_text, draw_text);
  text = g_strdup_printf ("%s\n%s", byline, amounts);
  return g_markup_escape_text (text, -1);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SlPlansView *self = user_data;
  SlReallocPlan *plan = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (sl_realloc_plan_get_status_label (plan));
  g_autofree char *title = g_markup_escape_text (sl_realloc_plan_get_title (plan), -1);
  g_autofree char *subtitle = dup_subtitle (self, plan);
  gint64 *id = g_new (gint64, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, "plan-status");
  gtk_widget_add_css_class (status, sl_realloc_plan_get_status (plan));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  *id = sl_record_get_id (SL_RECORD (plan));
  g_object_set_data_full (G_OBJECT (row), "plan-id", id, g_free);
  return row;
}

static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  gint64 ta = sl_realloc_plan_get_created_at ((SlReallocPlan *)a);
  gint64 tb = sl_realloc_plan_get_created_at ((SlReallocPlan *)b);
  gint64 ia = sl_record_get_id ((SlRecord *)a);
  gint64 ib = sl_record_get_id ((SlRecord *)b);

  if (ta != tb)
    return ta < tb ? 1 : -1;
  return ia < ib ? 1 : ia > ib ? -1 : 0;
}

static void
refresh_now (SlPlansView *self)
{
  GListModel *plans;
  g_autoptr(GListStore) sorted = NULL;

  self->stale = FALSE;
  if (self->workspace == NULL)
    {
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      return;
    }
  plans = G_LIST_MODEL (sl_workspace_get_realloc_plans (self->workspace));
  sorted = g_list_store_new (SL_TYPE_REALLOC_PLAN);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr(GObject) plan = g_list_model_get_item (plans, i);

      g_list_store_insert_sorted (sorted, plan, newest_first, NULL);
    }
  sum_moved (self);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (sorted), create_row, self, NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "planner") != 0)
    gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (plans) > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plans.new",
                                 sl_workspace_get_user_role (self->workspace) != SL_USER_ROLE_VIEWER);
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlPlansView *self)
{
  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    refresh_now (self);
}

static void
workspace_changed_cb (SlPlansView *self,
                      const char  *table)
{
  if (g_str_has_prefix (table, "realloc_") || g_str_equal (table, "workspace"))
    refresh (self);
}

static void
row_activated_cb (SlPlansView   *self,
                  GtkListBoxRow *row)
{
  gint64 *plan_id = g_object_get_data (G_OBJECT (row), "plan-id");

  if (plan_id != NULL)
    sl_plans_view_open_plan (self, *plan_id);
}

static void
planner_back_cb (SlPlansView *self)
{
  sl_plans_view_open_plan (self, 0);
}

static void
new_plan_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SlPlansView *self = SL_PLANS_VIEW (widget);
  SlReallocPlanSpec spec = { _("New plan"), NULL, NULL, 0, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (self->workspace == NULL)
    return;
  if (!sl_workspace_create_realloc_plan (self->workspace, &spec, NULL, 0, &id, &error))
    {
      gtk_label_set_label (self->list_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->list_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list_error), FALSE);
  sl_plans_view_open_plan (self, id);
}

static void
sl_plans_view_map (GtkWidget *widget)
{
  SlPlansView *self = SL_PLANS_VIEW (widget);

  if (self->stale)
    refresh_now (self);
  GTK_WIDGET_CLASS (sl_plans_view_parent_class)->map (widget);
}

static void
sl_plans_view_dispose (GObject *object)
{
  SlPlansView *self = (SlPlansView *)object;

  sl_plans_view_set_context (self, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_PLANS_VIEW);
  g_clear_pointer (&self->moved, g_hash_table_unref);
  G_OBJECT_CLASS (sl_plans_view_parent_class)->dispose (object);
}

static void
sl_plans_view_class_init (SlPlansViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_plans_view_dispose;
  widget_class->map = sl_plans_view_map;

  g_type_ensure (SL_TYPE_PLANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-plans-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlPlansView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlPlansView, list);
  gtk_widget_class_bind_template_child (widget_class, SlPlansView, list_error);
  gtk_widget_class_bind_template_child (widget_class, SlPlansView, planner);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, planner_back_cb);
  gtk_widget_class_install_action (widget_class, "plans.new", NULL, new_plan_cb);
}

static void
sl_plans_view_init (SlPlansView *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Anywhere in the window, while the page is shown. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>n"),
                                                          gtk_named_action_new ("plans.new")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->moved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

void
sl_plans_view_set_context (SlPlansView  *self,
                           SlWorkspace  *workspace,
                           SlViewFilter *filter)
{
  g_return_if_fail (SL_IS_PLANS_VIEW (self));

  if (self->workspace == workspace)
    return;
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (self->planner != NULL)
    sl_planner_set_plan (self->planner, NULL, 0);
  if (workspace != NULL)
    {
      g_signal_connect_object (workspace, "changed", G_CALLBACK (workspace_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (workspace, "notify::user-role", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  if (self->list != NULL)
    refresh (self);
}

void
sl_plans_view_open_plan (SlPlansView *self,
                         gint64       plan_id)
{
  g_return_if_fail (SL_IS_PLANS_VIEW (self));

  sl_planner_set_plan (self->planner, self->workspace, plan_id);
  if (plan_id != 0 && sl_planner_get_plan_id (self->planner) == plan_id)
    {
      gtk_stack_set_visible_child_name (self->stack, "planner");
      /* The keyboard follows into the planner, not left on a hidden row. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_widget_child_focus (GTK_WIDGET (self->planner), GTK_DIR_TAB_FORWARD);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
  refresh (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

SlPlanner *
sl_plans_view_get_planner (SlPlansView *self)
{
  g_return_val_if_fail (SL_IS_PLANS_VIEW (self), NULL);
  return self->planner;
}

GtkWidget *
sl_plans_view_get_list (SlPlansView *self)
{
  g_return_val_if_fail (SL_IS_PLANS_VIEW (self), NULL);
  return GTK_WIDGET (self->list);
}

static void
sl_plans_view_iface_set_context (SlView       *view,
                                 SlWorkspace  *workspace,
                                 SlViewFilter *filter)
{
  sl_plans_view_set_context (SL_PLANS_VIEW (view), workspace, filter);
}

static void
sl_plans_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_plans_view_iface_set_context;
}
