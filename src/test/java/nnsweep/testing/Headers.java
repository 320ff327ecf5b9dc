package nnsweep.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The first line of each CSV file a run writes, spelled out as a user's script reads it: the column order is a
 * contract (README), so these are literal strings, never taken from the writers' own column lists.
 */
public final class Headers {
  /** results.csv: one row a network. */
  public static final String RESULTS = "network_id,dataset,model,hidden,rules,inputs,outputs,weights,bias,"
      + "learning_rate,epochs,seed,init,final_error,error_before_last_update,mse,accuracy,diverged,test_error,"
      + "test_accuracy,class_accuracy,test_class_accuracy,epochs_run,epochs_to_target,plateau,train_ms,rung,fold";

  /** summary.csv: one row a cell (every axis but the seed). */
  public static final String SUMMARY = "dataset,model,hidden,bias,learning_rate,epochs,init,networks,diverged,"
      + "mean_error,std_error,min_error,median_error,max_error,success_rate,success_ci_low,success_ci_high,"
      + "median_test_error,mean_test_accuracy,mean_class_accuracy,mean_test_class_accuracy,rung,rung_epochs,"
      + "mean_test_error,std_test_error";

  /** rules.csv: one row a dataset and rule of thumb. */
  public static final String RULES = "dataset,rule,inputs,outputs,recommended_sizes,networks,median_error,best_error,"
      + "successes,success_rate,success_ci_low,success_ci_high,best_size_in_rule,best_size_overall,"
      + "contains_best_size,smallest_reliable_size,contains_smallest_reliable_size,highest_rung";

  /** layers.csv: hidden layer against none, one row a setting. */
  public static final String LAYERS = "dataset,bias,learning_rate,epochs,init,none_networks,none_best_error,"
      + "none_median_error,none_success_rate,none_success_ci_low,none_success_ci_high,hidden_networks,"
      + "hidden_best_error,hidden_median_error,hidden_success_rate,hidden_success_ci_low,hidden_success_ci_high,"
      + "median_error_ratio,best_hidden_size,best_hidden_median_error,best_hidden_success_rate";

  /** predictions.csv: one row a network, query and output. */
  public static final String PREDICTIONS = "network_id,dataset,model,hidden,bias,learning_rate,epochs,seed,query,"
      + "inputs,output,prediction,label";

  /** curves.csv: the error curves. */
  public static final String CURVES = "network_id,epoch,error";

  /** ladder.csv (successive halving): one row a cell and rung. */
  public static final String LADDER = "dataset,model,hidden,bias,learning_rate,init,rung,rung_epochs,networks,score,"
      + "rank,kept,top_rung";

  /** models/index.csv: the kept networks. */
  public static final String MODELS_INDEX = "dataset,network_id,model,hidden,learning_rate,epochs,bias,seed,init,"
      + "score,json,onnx";

  private Headers() {}

  /** A header line's column names, as a CSV reader gives them. */
  public static List<String> columns(String header) {
    return List.of(header.split(",", -1));
  }

  /** Asserts that {@code file}'s first line is {@code header}, to the byte (a line feed ends it). */
  public static void assertHeader(String header, Path file) {
    try {
      String text = Files.readString(file);
      int end = text.indexOf('\n');
      assertEquals(header + "\n", end < 0 ? text : text.substring(0, end + 1), file + ": first line");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
