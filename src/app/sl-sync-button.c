/* sl-sync-button.c
 *
 * Copyright 2026 The Sunlight authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sunlight"

#include "config.h"

#include <glib/gi18n.h>

#include "sl-money.h"
#include "sl-sync-button.h"

struct _SlSyncButton
{
  AdwBin          parent_instance;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkLabel       *status_label;
  GtkLabel       *error_label;
  GtkWidget      *issues_heading;
  GtkWidget      *issues_scroller;   /* GtkScrolledWindow */
  GtkListBox     *issue_list;

  SlSyncClient   *client;
};

G_DEFINE_FINAL_TYPE (SlSyncButton, sl_sync_button, ADW_TYPE_BIN)

#define MAX_UNSCROLLED_ISSUES 4
#define SCROLLED_HEIGHT       360
/* How wide an item's text wraps. */
#define ROW_WIDTH_CHARS       30

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static guint
n_issues (SlSyncButton *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sl_sync_client_get_issues (self->client)));
}

static void
update (SlSyncButton *self)
{
  g_autofree char *status = NULL;
  guint issues;
  SlSyncState state;

  if (self->client == NULL)
    return;
  state = sl_sync_client_get_state (self->client);
  issues = n_issues (self);
  status = sl_sync_button_dup_status (self);
  gtk_menu_button_set_icon_name (self->button,
                                 issues > 0 && state != SL_SYNC_STATE_ERROR && state != SL_SYNC_STATE_OFFLINE
                                 ? "dialog-warning-symbolic" : sl_sync_state_icon_name (state));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, status, -1);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (self->issues_heading, issues > 0);
  gtk_widget_set_visible (self->issues_scroller, issues > 0);
  /* A few rows show whole (a scrolled window would measure their wrapped
   * subtitles short); more scroll in a fixed height. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->issues_scroller), GTK_POLICY_NEVER,
                                  issues > MAX_UNSCROLLED_ISSUES ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->issues_scroller),
                                              issues > MAX_UNSCROLLED_ISSUES ? SCROLLED_HEIGHT : -1);
}

static void
show_error (SlSyncButton *self,
            const GError *error)
{
  gtk_label_set_label (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
resolve (SlSyncButton *self,
         GtkWidget    *button,
         gboolean      keep_mine)
{
  const char *doc_id = g_object_get_data (G_OBJECT (button), "doc-id");
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || doc_id == NULL)
    return;
  sl_sync_client_resolve (self->client, doc_id, keep_mine, &error);
  show_error (self, error);
}

/* Callbacks */

static void
keep_mine_clicked_cb (GtkWidget    *button,
                      SlSyncButton *self)
{
  resolve (self, button, TRUE);
}

static void
take_theirs_clicked_cb (GtkWidget    *button,
                        SlSyncButton *self)
{
  resolve (self, button, FALSE);
}

static GtkWidget *
choice_button (SlSyncButton *self,
               SlSyncIssue  *issue,
               const char   *label,
               GCallback     callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "doc-id", g_strdup (sl_sync_issue_get_doc_id (issue)), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), ROW_WIDTH_CHARS);
  gtk_label_set_width_chars (GTK_LABEL (label), ROW_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A row of the list: what the item is, why it is here, and for a clash
 * the two choices. Plain labels, not an AdwActionRow: wrapped
 * subtitles of those measure short inside a popover. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  SlSyncButton *self = user_data;
  SlSyncIssue *issue = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *subtitle = NULL;

  if (sl_sync_issue_get_kind (issue) == SL_SYNC_ISSUE_REFUSED)
    /* Translators: %s is the server's reason, often in English */
    subtitle = g_strdup_printf (_("Refused by the server: %s. It stays in this workspace."),
                                sl_sync_issue_get_detail (issue));
  else
    subtitle = g_strdup (sl_sync_issue_get_detail (issue));
  gtk_box_append (GTK_BOX (text), wrapped_label (sl_sync_issue_get_title (issue), NULL));
  gtk_box_append (GTK_BOX (text), wrapped_label (subtitle, "dim-label"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);

  if (sl_sync_issue_get_kind (issue) == SL_SYNC_ISSUE_REFUSED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), icon);
    }
  gtk_box_append (GTK_BOX (box), text);
  if (sl_sync_issue_get_kind (issue) == SL_SYNC_ISSUE_CONFLICT)
    {
      GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_box_append (GTK_BOX (choices), choice_button (self, issue, _("_Keep Mine"),
                                                        G_CALLBACK (keep_mine_clicked_cb)));
      gtk_box_append (GTK_BOX (choices), choice_button (self, issue, _("_Take Theirs"),
                                                        G_CALLBACK (take_theirs_clicked_cb)));
      gtk_widget_set_valign (choices, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), choices);
    }
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
popover_shown_cb (SlSyncButton *self)
{
  show_error (self, NULL);
  if (self->client != NULL)
    sl_sync_client_sync_now (self->client);
}

static void
sync_now_clicked_cb (SlSyncButton *self)
{
  show_error (self, NULL);
  if (self->client != NULL)
    sl_sync_client_sync_now (self->client);
}

/* GObject */

static void
sl_sync_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SlSyncButton *self = SL_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SlSyncButton *self = SL_SYNC_BUTTON (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      sl_sync_button_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sl_sync_button_dispose (GObject *object)
{
  SlSyncButton *self = (SlSyncButton *)object;

  sl_sync_button_set_client (self, NULL);
  /* AdwBin unparents its child itself; let it, before the template
   * drops its references (else both unparent the button). */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SL_TYPE_SYNC_BUTTON);

  G_OBJECT_CLASS (sl_sync_button_parent_class)->dispose (object);
}

static void
sl_sync_button_class_init (SlSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sl_sync_button_get_property;
  object_class->set_property = sl_sync_button_set_property;
  object_class->dispose = sl_sync_button_dispose;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, SL_TYPE_SYNC_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sl-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, button);
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, popover);
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, status_label);
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, issues_heading);
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, issues_scroller);
  gtk_widget_class_bind_template_child (widget_class, SlSyncButton, issue_list);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_now_clicked_cb);
}

static void
sl_sync_button_init (SlSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Public API */

GtkWidget *
sl_sync_button_new (void)
{
  return g_object_new (SL_TYPE_SYNC_BUTTON, NULL);
}

SlSyncClient *
sl_sync_button_get_client (SlSyncButton *self)
{
  g_return_val_if_fail (SL_IS_SYNC_BUTTON (self), NULL);
  return self->client;
}

void
sl_sync_button_set_client (SlSyncButton *self,
                           SlSyncClient *client)
{
  g_return_if_fail (SL_IS_SYNC_BUTTON (self));
  g_return_if_fail (client == NULL || SL_IS_SYNC_CLIENT (client));

  if (self->client == client)
    return;
  if (self->client != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->client, self);
      g_signal_handlers_disconnect_by_data (sl_sync_client_get_issues (self->client), self);
    }
  if (self->issue_list != NULL)
    gtk_list_box_bind_model (self->issue_list, NULL, NULL, NULL, NULL);
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      GListModel *issues = G_LIST_MODEL (sl_sync_client_get_issues (client));

      g_signal_connect_object (client, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (issues, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->issue_list, issues, create_row_cb, self, NULL);
      update (self);
    }
  gtk_widget_set_visible (GTK_WIDGET (self), client != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

char *
sl_sync_button_dup_status (SlSyncButton *self)
{
  g_autofree char *state = NULL;
  g_autofree char *count = NULL;
  guint issues;

  g_return_val_if_fail (SL_IS_SYNC_BUTTON (self), NULL);

  if (self->client == NULL)
    return g_strdup ("");
  state = sl_sync_client_dup_status_text (self->client);
  issues = n_issues (self);
  if (issues == 0)
    return g_steal_pointer (&state);
  count = sl_number_format (issues, 0, NULL);
  /* Translators: the sync state (“Synced”), then how many items need a
   * choice or were refused, in your digits */
  return g_strdup_printf (ngettext ("%s; %s item needs your attention", "%s; %s items need your attention",
                                    issues), state, count);
}
