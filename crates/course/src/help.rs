//! clap's `--help` and usage mistakes in the language of the run.
//!
//! The help texts of a program live in the message tables, under the program's name:
//! `<program>.about`, `<program>.after-help`, `<program>.arg.<id>` for each option (`<id>` is
//! the field's name, as clap knows it: `idle_timeout`), and for a subcommand
//! `<program>.<subcommand>.about`, `<program>.<subcommand>.arg.<id>`... [`localize`] puts them
//! in the clap `Command` that `#[derive(Parser)]` built, adds `--lang`, and translates clap's
//! own frame (the help and version flags, "Usage:", the headings). What a key does not name
//! keeps the text of the code; [`missing`] lists those, for the programs' tests.

use clap::{Arg, ArgAction, Command};

use crate::lang::Lang;
use crate::t;
use crate::text;

/// The command in the language of this run, with `--lang`.
pub fn localize(command: Command) -> Command {
    let name = command.get_name().to_string();
    let command = command.arg(
        Arg::new("lang")
            .long("lang")
            .value_name("LANG")
            .global(true)
            .value_parser(|value: &str| {
                Lang::parse(value)
                    .map(|lang| lang.code().to_string())
                    .ok_or_else(|| t!("course.lang.unknown", value))
            })
            .help(t!("course.arg.lang")),
    );
    localize_at(command, &name, &name).disable_help_subcommand(true)
}

/// The usage line, written here because clap's has "[OPTIONS]" and "[COMMAND]" in English:
/// `shown` is the command as the student types it (`exercises check`), then "[OPTIONS]" if it
/// has options, its positional arguments (`<NAME>` required, `[NAME]` optional, `...` for
/// several), and "[COMMAND]" if it has subcommands. (Asking clap to render it would build the
/// subcommand before its parent gives it the global options, which clap does not allow.)
fn usage_of(command: &Command, shown: &str) -> String {
    let mut usage = shown.to_string();
    if command
        .get_arguments()
        .any(|arg| !arg.is_positional() && !arg.is_hide_set())
    {
        usage.push(' ');
        usage.push_str(&text::get("course.help.options-in-usage"));
    }
    for arg in command.get_positionals().filter(|arg| !arg.is_hide_set()) {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().as_str().to_uppercase(), ToString::to_string);
        let many = matches!(arg.get_action(), ArgAction::Append);
        let dots = if many { "..." } else { "" };
        usage.push_str(&if arg.is_required_set() {
            format!(" <{name}>{dots}")
        } else {
            format!(" [{name}]{dots}")
        });
    }
    if command.has_subcommands() {
        usage.push(' ');
        usage.push_str(&if command.is_subcommand_required_set() {
            text::get("course.help.command-required-in-usage")
        } else {
            text::get("course.help.command-in-usage")
        });
    }
    usage
}

fn localize_at(mut command: Command, path: &str, shown: &str) -> Command {
    let about = format!("{path}.about");
    if text::has(&about) {
        command = command
            .about(text::get(&about).into_owned())
            .long_about(None::<&str>);
    }
    let after = format!("{path}.after-help");
    if text::has(&after) {
        command = command
            .after_help(text::get(&after).into_owned())
            .after_long_help(None::<&str>);
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text::get("course.help.usage")
    );
    command = command
        .help_template(template)
        .subcommand_help_heading(text::get_static("course.help.commands").unwrap_or("Commands"))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t!("course.arg.help")),
        );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t!("course.arg.version")),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let key = format!("{path}.arg.{id}");
        command = command.mut_arg(&id, |mut arg| {
            let help = if text::has(&key) {
                Some(text::get(&key).into_owned())
            } else {
                arg.get_help().map(ToString::to_string)
            };
            // clap writes "[default: 7878]" in English: write it from the tables instead.
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect();
            let shown = !defaults.is_empty() && !arg.is_hide_default_value_set();
            if let Some(help) = help {
                let help = if shown {
                    let value = defaults.join(", ");
                    format!("{help} {}", t!("course.help.default", value))
                } else {
                    help
                };
                arg = arg.help(help).long_help(None::<&str>);
            }
            if shown {
                arg = arg.hide_default_value(true);
            }
            // The headings clap would write in English ("Options", "Arguments").
            if arg.get_help_heading().is_none() {
                let heading = if arg.is_positional() {
                    text::get_static("course.help.arguments").unwrap_or("Arguments")
                } else {
                    text::get_static("course.help.options").unwrap_or("Options")
                };
                arg = arg.help_heading(heading);
            }
            arg
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for sub in subcommands {
        let sub_path = format!("{path}.{sub}");
        let sub_shown = format!("{shown} {sub}");
        command = command.mut_subcommand(&sub, |sub| localize_at(sub, &sub_path, &sub_shown));
    }
    let usage = usage_of(&command, shown);
    command.override_usage(usage)
}

/// The help keys a command needs and the tables lack, in either language: every command's
/// `about`, a program's `after-help` (its example), every option that is not hidden. A
/// program's tests call it with `Args::command()`, so that no option is left without a text,
/// or in one language only.
pub fn missing(command: &Command) -> Vec<String> {
    let mut keys = Vec::new();
    wanted(command, command.get_name(), &mut keys);
    keys.into_iter()
        .filter(|key| {
            Lang::ALL.iter().any(|&lang| {
                !text::parts(lang)
                    .iter()
                    .any(|part| part.iter().any(|(k, _)| k == key))
            })
        })
        .collect()
}

/// A program's test: fails, naming them, when [`missing`] finds help keys the tables lack.
pub fn assert_complete(command: &Command) {
    let missing = missing(command);
    assert!(
        missing.is_empty(),
        "help texts missing from the tables: {missing:?}"
    );
}

fn wanted(command: &Command, path: &str, keys: &mut Vec<String>) {
    // Every command says what it is for; a program's `--help` also ends with an example
    // (`after-help`), and a subcommand's may.
    keys.push(format!("{path}.about"));
    if !path.contains('.')
        || command.get_after_help().is_some()
        || command.get_after_long_help().is_some()
    {
        keys.push(format!("{path}.after-help"));
    }
    for arg in command.get_arguments().filter(|arg| !arg.is_hide_set()) {
        let id = arg.get_id().as_str();
        // The frame's own flags take their texts from the course's part.
        if !matches!(id, "help" | "version" | "lang") {
            keys.push(format!("{path}.arg.{id}"));
        }
    }
    for sub in command.get_subcommands() {
        wanted(sub, &format!("{path}.{}", sub.get_name()), keys);
    }
}

/// The first line of a usage mistake, in the language of the run: clap's own line in English;
/// in another language, built from what clap knows of the mistake when the tables have a
/// message for its kind, else clap's line.
pub fn usage_message(error: &clap::Error, clap_line: &str) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if crate::lang::current() == Lang::En {
        return clap_line.to_string();
    }
    let context = |kind: ContextKind| -> Option<String> {
        match error.get(kind)? {
            ContextValue::String(value) => Some(value.clone()),
            ContextValue::Strings(values) => Some(values.join(", ")),
            ContextValue::StyledStr(value) => Some(value.to_string()),
            ContextValue::StyledStrs(values) => Some(
                values
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ContextValue::Number(number) => Some(number.to_string()),
            _ => None,
        }
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let reason = std::error::Error::source(error).map(ToString::to_string);
    let message = match (error.kind(), arg, value, reason) {
        (ErrorKind::InvalidValue, Some(arg), Some(value), _) if value.is_empty() => {
            Some(t!("course.usage.no-value", arg))
        }
        (ErrorKind::ValueValidation, Some(arg), Some(value), Some(reason)) => {
            Some(t!("course.usage.invalid-value-because", value, arg, reason))
        }
        (ErrorKind::InvalidValue | ErrorKind::ValueValidation, Some(arg), Some(value), _) => {
            Some(t!("course.usage.invalid-value", value, arg))
        }
        (ErrorKind::UnknownArgument, Some(arg), _, _) => {
            Some(t!("course.usage.unknown-argument", arg))
        }
        (ErrorKind::MissingRequiredArgument, Some(args), _, _) => {
            Some(t!("course.usage.missing", args))
        }
        (ErrorKind::InvalidSubcommand, _, _, _) => context(ContextKind::InvalidSubcommand)
            .map(|command| t!("course.usage.unknown-command", command)),
        (
            ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand,
            _,
            _,
            _,
        ) => context(ContextKind::ValidSubcommand)
            .map(|commands| t!("course.usage.missing-command", commands)),
        _ => None,
    };
    message.unwrap_or_else(|| clap_line.to_string())
}
