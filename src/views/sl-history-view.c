/* sl-history-view.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight-views"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-history-item.h"
#include "sl-history-view.h"
#include "sl-collab-common.h"
#include "sl-view.h"
#include "sl-workspace-discussion.h"

struct _SlHistoryView
{
  AdwBin           parent_instance;

  GtkDropDown     *person_dropdown;
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkListView     *list_view;
  AdwStatusPage   *empty_page;

  SlWorkspace     *workspace;
  SlViewFilter    *filter;
  SlDecisionStore *decisions;  /* every one, for their meeting days */
  GListStore      *items;      /* SlHistoryItem */
  GtkStringList   *people;     /* "Everyone", then the authors */
  char            *person;     /* the one shown, or NULL for everyone */
  gboolean         updating;
};

static void sl_history_view_view_iface_init (SlViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlHistoryView, sl_history_view, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (SL_TYPE_VIEW, sl_history_view_view_iface_init))

/* Rows */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *subtitle = sl_collab_new_label (NULL, "dim-label");

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), sl_collab_new_label (NULL, "heading"));
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (texts), sl_collab_new_label (NULL, "numeric"));
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), texts);
  gtk_widget_add_css_class (row, "history-row");
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  SlHistoryItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *detail = gtk_widget_get_next_sibling (subtitle);
  const char *detail_text = sl_history_item_get_detail (item);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), sl_history_item_get_icon_name (item));
  gtk_label_set_label (GTK_LABEL (title), sl_history_item_get_title (item));
  gtk_label_set_label (GTK_LABEL (subtitle), sl_history_item_get_subtitle (item));
  gtk_label_set_label (GTK_LABEL (detail), detail_text != NULL ? detail_text : "");
  gtk_widget_set_visible (detail, detail_text != NULL && detail_text[0] != '\0');
}

/* Refreshing */

/* The channel the header's filter is on (a campaign's channel), or 0. */
static gint64
get_filter_channel (SlHistoryView *self)
{
  SlCampaign *campaign;
  SlScope scope;

  sl_view_filter_get_scope (self->filter, &scope);
  if (scope.kind == SL_SCOPE_CHANNEL)
    return scope.id;
  if (scope.kind != SL_SCOPE_CAMPAIGN)
    return 0;
  campaign = sl_campaign_store_lookup (sl_workspace_get_campaigns (self->workspace), scope.id);
  return campaign != NULL ? sl_campaign_get_channel_id (campaign) : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n = a != NULL ? g_list_model_get_n_items (a) : 0;

  if (b == NULL || g_list_model_get_n_items (b) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

/* Everyone who made a change or decision in the period and channel,
 * and the person chosen even if they made none. */
static void
update_people (SlHistoryView *self,
               GPtrArray     *rows)
{
  g_autoptr(GPtrArray) authors = g_ptr_array_new ();
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const char *author = ((SlAuditRow *)rows->pdata[i])->author;

      if (author != NULL && !g_ptr_array_find_with_equal_func (authors, author, g_str_equal, NULL))
        g_ptr_array_add (authors, (gpointer)author);
    }
  if (self->person != NULL && !g_ptr_array_find_with_equal_func (authors, self->person, g_str_equal, NULL))
    g_ptr_array_add (authors, self->person);
  g_ptr_array_sort (authors, compare_names);

  gtk_string_list_append (people, _("Everyone"));
  for (guint i = 0; i < authors->len; i++)
    {
      gtk_string_list_append (people, authors->pdata[i]);
      if (g_strcmp0 (authors->pdata[i], self->person) == 0)
        selected = i + 1;
    }
  /* The same people: the dropdown stays as it is, open or not. */
  if (!same_strings (G_LIST_MODEL (people), G_LIST_MODEL (self->people)))
    {
      self->updating = TRUE;
      g_set_object (&self->people, people);
      gtk_drop_down_set_model (self->person_dropdown, G_LIST_MODEL (people));
      gtk_drop_down_set_selected (self->person_dropdown, selected);
      self->updating = FALSE;
    }
}

static void
show_count (SlHistoryView *self,
            guint          shown,
            guint          total)
{
  g_autofree char *count = sl_number_format (shown, 0, NULL);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Nothing Recorded Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every decision and every change to a budget number of this period shows here, with who made it and when."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("Nothing by This Person"));
      adw_status_page_set_description (self->empty_page,
                                       _("They made no decision and changed no budget number in this period and channel."));
    }
  /* Translators: %s is a number of decisions and budget changes listed */
  text = g_strdup_printf (ngettext ("%s entry", "%s entries", shown), count);
  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static void
refresh_now (SlHistoryView *self)
{
  const SlPeriod *period = sl_view_filter_get_period (self->filter);
  SlAuditFilter filter = { NULL, get_filter_channel (self), period->first, period->last };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  rows = sl_audit_list (sl_workspace_get_database (self->workspace), &filter, &error);
  if (rows == NULL)
    {
      g_warning ("Could not read the history: %s", error->message);
      rows = g_ptr_array_new ();
    }
  update_people (self, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const SlAuditRow *row = rows->pdata[i];

      if (self->person == NULL || g_strcmp0 (row->author, self->person) == 0)
        g_ptr_array_add (items, sl_history_item_new_for_row (self->workspace, self->decisions, row));
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  show_count (self, items->len, rows->len);
}

/* Hidden views catch up when they are shown. */
static void
refresh (SlHistoryView *self)
{
  if (self->workspace == NULL)
    return;
  sl_view_refresh (SL_VIEW (self));
}

/* Callbacks */

static void
person_selected_cb (SlHistoryView *self)
{
  guint selected = gtk_drop_down_get_selected (self->person_dropdown);

  const char *person = NULL;

  if (self->updating || self->people == NULL)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    person = gtk_string_list_get_string (self->people, selected);
  if (g_strcmp0 (person, self->person) == 0)
    return;
  g_free (self->person);
  self->person = g_strdup (person);
  refresh (self);
}

/* GtkWidget */

static void
sl_history_view_map (GtkWidget *widget)
{
  sl_view_catch_up (SL_VIEW (widget));
  GTK_WIDGET_CLASS (sl_history_view_parent_class)->map (widget);
}

/* GObject */

static void
sl_history_view_dispose (GObject *object)
{
  SlHistoryView *self = (SlHistoryView *)object;

  sl_history_view_set_context (self, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_HISTORY_VIEW);
  g_clear_object (&self->items);
  g_clear_object (&self->people);
  g_clear_pointer (&self->person, g_free);

  G_OBJECT_CLASS (sl_history_view_parent_class)->dispose (object);
}

static void
sl_history_view_class_init (SlHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_history_view_dispose;
  widget_class->map = sl_history_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SlHistoryView, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SlHistoryView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SlHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, SlHistoryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, SlHistoryView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, person_selected_cb);
}

static void
sl_history_view_init (SlHistoryView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (SL_TYPE_HISTORY_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)))));
}

/* Public API */

void
sl_history_view_set_context (SlHistoryView *self,
                             SlWorkspace   *workspace,
                             SlViewFilter  *filter)
{
  g_return_if_fail (SL_IS_HISTORY_VIEW (self));
  g_return_if_fail ((workspace == NULL) == (filter == NULL));

  if (self->filter != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_signal_handlers_disconnect_by_data (self->workspace, self);
    }
  g_set_object (&self->workspace, workspace);
  g_set_object (&self->filter, filter);
  g_clear_object (&self->decisions);
  g_clear_pointer (&self->person, g_free);
  if (filter == NULL)
    return;
  self->decisions = sl_workspace_dup_decisions (workspace, NULL);
  g_signal_connect_object (filter, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (workspace, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
}

GListModel *
sl_history_view_get_items (SlHistoryView *self)
{
  g_return_val_if_fail (SL_IS_HISTORY_VIEW (self), NULL);
  return G_LIST_MODEL (self->items);
}

static void
sl_history_view_iface_set_context (SlView       *view,
                                   SlWorkspace  *workspace,
                                   SlViewFilter *filter)
{
  sl_history_view_set_context (SL_HISTORY_VIEW (view), workspace, filter);
}

static void
sl_history_view_iface_refresh (SlView *view)
{
  refresh_now (SL_HISTORY_VIEW (view));
}

static void
sl_history_view_view_iface_init (SlViewInterface *iface)
{
  iface->set_context = sl_history_view_iface_set_context;
  iface->refresh = sl_history_view_iface_refresh;
}
