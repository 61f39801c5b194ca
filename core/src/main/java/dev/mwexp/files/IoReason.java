package dev.mwexp.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/** The operating system's reason for an I/O failure, in the words {@code ls} or {@code cat} would use. */
public final class IoReason {

  private IoReason() {}

  /** "permission denied", "no such file or directory", "is a directory", … never a class name. */
  public static String of(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "file exists";
    }
    if (e instanceof FileSystemLoopException) {
      return "too many levels of symbolic links";
    }
    if (e instanceof NotLinkException) {
      return "not a symbolic link";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return lower(fse.getReason());
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e instanceof IOException ? "input/output error" : "failed";
    }
    return lower(message);
  }

  /** {@code file: cannot OPERATION: reason}, one inert line. */
  public static String describe(String file, String operation, Throwable e) {
    return Inert.text(file) + ": cannot " + operation + ": " + Inert.text(of(e));
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
