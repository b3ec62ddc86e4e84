package cn.smartunion.aid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AidServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AidServiceApplication.class, args);
    }
}
